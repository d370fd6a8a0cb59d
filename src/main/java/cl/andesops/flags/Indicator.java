package cl.andesops.flags;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The integrity indicators: what each judges (a tender, an order, a Compra Ágil request), its family, whether it
 * applies a legal rule or a statistical comparison (their rates are held to different lines: 2 % and 5 %), and the
 * parameters of the rules file it uses. Names and definitions are in the messages ({@code flags.<id>.name},
 * {@code .definition}, {@code .why}). A flag is a reason to look, never proof.
 */
public enum Indicator {

    SINGLE_BID("single-bid", Subject.TENDER, Family.COMPETITION, Kind.STATISTICAL,
            "param.single-bid-open-types"),
    RIVALS_REJECTED("rivals-rejected", Subject.TENDER, Family.COMPETITION, Kind.STATISTICAL,
            "param.rejected-offer-states"),
    WINNER_OVER_CHEAPEST("winner-over-cheapest", Subject.TENDER, Family.COMPETITION, Kind.STATISTICAL,
            "param.winner-over-cheapest"),
    IDENTICAL_BIDS("identical-bids", Subject.TENDER, Family.COMPETITION, Kind.STATISTICAL,
            "param.identical-bid-min-clp"),
    TYPE_AMOUNT_MISMATCH("type-amount-mismatch", Subject.TENDER, Family.PROCEDURE, Kind.LEGAL, "band.L1", "band.LE",
            "band.LP.2000", "band.LP.5000", "band.LQ", "band.LR", "param.band-tolerance"),
    SHORT_PUBLICATION("short-publication", Subject.TENDER, Family.PROCEDURE, Kind.LEGAL, "publication.L1",
            "publication.LE", "publication.LP", "publication.LR", "param.publication-tolerance-days"),
    AWARD_OVER_ESTIMATE("award-over-estimate", Subject.TENDER, Family.PRICE, Kind.STATISTICAL,
            "param.award-over-estimate", "param.unit-price-contract-ratio"),
    REPEATED_DIRECT_AWARD("repeated-direct-award", Subject.ORDER, Family.PROCEDURE, Kind.STATISTICAL,
            "param.repeated-direct-awards", "param.direct-award-types"),
    SPLIT_PURCHASE("split-purchase", Subject.ORDER, Family.THRESHOLDS, Kind.LEGAL, "param.split-window-days",
            "compra-agil.ceiling.30", "compra-agil.ceiling.100", "band.L1", "param.direct-award-types"),
    CA_FEW_QUOTES("ca-few-quotes", Subject.COMPRA_AGIL, Family.COMPRA_AGIL, Kind.STATISTICAL,
            "param.compra-agil-min-quotes"),
    CA_CHEAPEST_NOT_CHOSEN("ca-cheapest-not-chosen", Subject.COMPRA_AGIL, Family.COMPRA_AGIL, Kind.STATISTICAL,
            "param.cheapest-quote-reason"),
    CA_OVER_CEILING("ca-over-ceiling", Subject.COMPRA_AGIL, Family.COMPRA_AGIL, Kind.LEGAL,
            "compra-agil.ceiling.30", "compra-agil.ceiling.100"),
    BUYER_REJECTS_BIDS("buyer-rejects-bids", Subject.BUYER, Family.COMPETITION, Kind.STATISTICAL,
            "param.rejected-offer-states", "param.peer-outlier", "param.peers-min", "param.party-min-records"),
    BUNCHING("bunching", Subject.BUYER, Family.THRESHOLDS, Kind.STATISTICAL, "param.bunching-band",
            "param.bunching-alpha",
            "compra-agil.ceiling.30", "compra-agil.ceiling.100", "band.L1", "band.LE", "param.peer-outlier",
            "param.peers-min", "param.party-min-records"),
    SUPPLIER_CONCENTRATION("supplier-concentration", Subject.BUYER, Family.CONCENTRATION, Kind.STATISTICAL,
            "param.concentration", "param.peers-min"),
    CAPTIVE_SUPPLIER("captive-supplier", Subject.SUPPLIER, Family.CONCENTRATION, Kind.STATISTICAL,
            "param.captive-supplier"),
    MANY_CATEGORIES("many-categories", Subject.SUPPLIER, Family.CONCENTRATION, Kind.STATISTICAL,
            "param.many-categories", "param.peer-outlier", "param.peers-min"),
    UNIT_PRICE("unit-price", Subject.ORDER, Family.PRICE, Kind.STATISTICAL, true, "param.price-outlier-factor");

    /**
     * What an indicator judges: one record of a dataset, or a party over the last 12 months (its conduct against its
     * peers').
     */
    public enum Subject {
        TENDER("tenders/"), ORDER("orders/"), COMPRA_AGIL("compra-agil/"), BUYER(null), SUPPLIER(null);

        private final String route;

        Subject(String route) {
            this.route = route;
        }

        /** Whether it judges a party (a buyer or a supplier) rather than one record. */
        public boolean party() {
            return route == null;
        }

        /** The page of one of its records (a party's profile), relative to the app. */
        public String path(String code) {
            return switch (this) {
                case BUYER -> cl.andesops.shared.format.PartyKeys.path(cl.andesops.shared.format.PartyKeys.Kind.BUYER,
                        code);
                case SUPPLIER -> cl.andesops.shared.format.PartyKeys.path(
                        cl.andesops.shared.format.PartyKeys.Kind.SUPPLIER, code);
                default -> route + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8);
            };
        }
    }

    public enum Family { COMPETITION, PROCEDURE, PRICE, THRESHOLDS, COMPRA_AGIL, CONCENTRATION }

    /** A legal rule should fire on at most 2 % of what it judges, a statistical comparison on at most 5 %. */
    public enum Kind {
        LEGAL(0.02), STATISTICAL(0.05);

        public final double target;

        Kind(double target) {
            this.target = target;
        }
    }

    public final String id;
    public final Subject subject;
    public final Family family;
    public final Kind kind;
    /** The ids of the rules-file entries it applies. */
    public final List<String> rules;

    /**
     * Whether it is judged over the last 12 months as a whole, by {@link PartyFlagFollower}, rather than record by
     * record after each commit: a party's conduct against its peers', an order line against its product's prices.
     */
    public final boolean overPeriod;

    Indicator(String id, Subject subject, Family family, Kind kind, String... rules) {
        this(id, subject, family, kind, subject.party(), rules);
    }

    Indicator(String id, Subject subject, Family family, Kind kind, boolean overPeriod, String... rules) {
        this.id = id;
        this.subject = subject;
        this.family = family;
        this.kind = kind;
        this.overPeriod = overPeriod;
        this.rules = List.of(rules);
    }

    /** The indicators of a subject judged record by record after each commit. */
    public static List<Indicator> byRecord(Subject subject) {
        return Arrays.stream(values()).filter(i -> i.subject == subject && !i.overPeriod).toList();
    }

    public static Optional<Indicator> of(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }

    public static List<Indicator> of(Subject subject) {
        return Arrays.stream(values()).filter(i -> i.subject == subject).toList();
    }
}
