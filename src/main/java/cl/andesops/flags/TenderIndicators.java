package cl.andesops.flags;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cl.andesops.rules.RuleBook.Rule;
import cl.andesops.rules.RuleTable;
import cl.andesops.tenders.TenderFlagInputs.Offer;
import cl.andesops.tenders.TenderFlagInputs.TenderCase;

/**
 * The tender indicators, each a pure function of one tender (with its offers) and the rules in force on its
 * publication day. Offer states are judged only on awarded or deserted tenders (while a tender is closed every offer
 * reads "Aceptada / No Seleccionada"); bidders are distinct suppliers with an offer.
 */
final class TenderIndicators {

    static final int AWARDED = cl.andesops.mercadopublico.TenderDetail.AWARDED;
    static final int DESERTED = 7;

    private TenderIndicators() {
    }

    static List<Judgement> judge(TenderCase t, RuleTable rules) {
        LocalDate day = Days.of(t.publishedAt() != null ? t.publishedAt() : t.closesAt());
        if (day == null) {
            return List.of();
        }
        int d = Days.number(day);
        List<Judgement> out = new ArrayList<>();
        singleBid(t, rules, d).ifPresent(out::add);
        rivalsRejected(t, rules, d).ifPresent(out::add);
        winnerOverCheapest(t, rules, d).ifPresent(out::add);
        identicalBids(t, rules, d).ifPresent(out::add);
        typeAmountMismatch(t, rules, day, d).ifPresent(out::add);
        shortPublication(t, rules, day, d).ifPresent(out::add);
        awardOverEstimate(t, rules, d).ifPresent(out::add);
        return out;
    }

    static boolean awarded(TenderCase t) {
        return t.stateCode() != null && t.stateCode() == AWARDED;
    }

    static String bidder(Offer o) {
        return o.supplierCode() != null ? o.supplierCode() : o.supplierRut();
    }

    static Set<String> bidders(TenderCase t) {
        Set<String> out = new LinkedHashSet<>();
        t.offers().forEach(o -> out.add(bidder(o)));
        return out;
    }

    /** Whether the offer's state is one the rules file counts as a rejection (by a word it contains). */
    static boolean rejected(Offer o, RuleTable rules) {
        String s = o.state() == null ? "" : o.state().toLowerCase(Locale.ROOT);
        return rules.parameter("param.rejected-offer-states").types().stream().anyMatch(s::contains);
    }

    static boolean pesos(Offer o) {
        String c = o.currency() == null ? "" : o.currency().toLowerCase(Locale.ROOT);
        return c.isEmpty() || c.contains("peso") || c.equals("clp");
    }

    /**
     * Whether anyone could bid: the file's TipoConvocatoria where it says it (a public type may be called closed, as a
     * second call after a deserted first), the type otherwise.
     */
    static boolean openCall(TenderCase t, RuleTable rules) {
        return t.openCall() != null ? t.openCall()
                : rules.parameter("param.single-bid-open-types").types().contains(t.type());
    }

    /** An open tender awarded with one bidder. */
    static Optional<Judgement> singleBid(TenderCase t, RuleTable rules, int d) {
        Indicator i = Indicator.SINGLE_BID;
        if (!awarded(t) || !openCall(t, rules)) {
            return Optional.empty();
        }
        if (t.offers().isEmpty()) {
            return Optional.of(Judgement.notJudged(i, t.code(), d, t.buyerCode(), Judgement.MISSING_OFFERS));
        }
        Set<String> bidders = bidders(t);
        Offer only = t.offers().getFirst();
        return Optional.of(bidders.size() == 1
                ? Judgement.fired(i, t.code(), d, t.buyerCode(), only.supplierRut(), 1,
                List.of(t.type(), nz(only.supplierName())), List.of())
                : Judgement.clear(i, t.code(), d, t.buyerCode(), null));
    }

    /** An awarded tender with rivals, every one of whose offers was rejected. */
    static Optional<Judgement> rivalsRejected(TenderCase t, RuleTable rules, int d) {
        Indicator i = Indicator.RIVALS_REJECTED;
        if (!awarded(t)) {
            return Optional.empty();
        }
        if (t.offers().isEmpty()) {
            return Optional.of(Judgement.notJudged(i, t.code(), d, t.buyerCode(), Judgement.MISSING_OFFERS));
        }
        Set<String> bidders = bidders(t);
        if (bidders.size() < 2) {
            return Optional.empty();
        }
        Set<String> winners = new LinkedHashSet<>();
        t.offers().stream().filter(Offer::selected).forEach(o -> winners.add(bidder(o)));
        if (winners.isEmpty()) {
            return Optional.of(Judgement.notJudged(i, t.code(), d, t.buyerCode(), Judgement.MISSING_AWARD));
        }
        List<Offer> rivals = t.offers().stream().filter(o -> !winners.contains(bidder(o))).toList();
        if (rivals.isEmpty()) {
            return Optional.empty(); // every bidder won something: nobody was turned away
        }
        Offer winner = t.offers().stream().filter(Offer::selected).findFirst().orElseThrow();
        long rivalsCount = rivals.stream().map(TenderIndicators::bidder).distinct().count();
        return Optional.of(rivals.stream().allMatch(o -> rejected(o, rules))
                ? Judgement.fired(i, t.code(), d, t.buyerCode(), winner.supplierRut(), rivalsCount,
                List.of(rivalsCount, nz(winner.supplierName())), List.of())
                : Judgement.clear(i, t.code(), d, t.buyerCode(), winner.supplierRut()));
    }

    /** On some item line, the winner's unit price more than the parameter above the cheapest accepted offer. */
    static Optional<Judgement> winnerOverCheapest(TenderCase t, RuleTable rules, int d) {
        Indicator i = Indicator.WINNER_OVER_CHEAPEST;
        if (!awarded(t)) {
            return Optional.empty();
        }
        if (t.offers().isEmpty()) {
            return Optional.of(Judgement.notJudged(i, t.code(), d, t.buyerCode(), Judgement.MISSING_OFFERS));
        }
        double limit = 1 + rules.value("param.winner-over-cheapest");
        Map<Integer, List<Offer>> lines = byLine(t);
        double worst = 0;
        Offer worstWinner = null;
        Offer worstCheapest = null;
        int worstLine = 0;
        boolean comparable = false;
        for (Map.Entry<Integer, List<Offer>> e : lines.entrySet()) {
            List<Offer> priced = e.getValue().stream().filter(o -> !rejected(o, rules) && pesos(o) && o.unitPrice() != null
                    && o.unitPrice().signum() > 0).toList();
            Optional<Offer> won = priced.stream().filter(Offer::selected).findFirst();
            if (won.isEmpty() || priced.size() < 2) {
                continue;
            }
            comparable = true;
            Offer cheapest = priced.stream().min(Comparator.comparing(Offer::unitPrice)).orElseThrow();
            double ratio = won.get().unitPrice().doubleValue() / cheapest.unitPrice().doubleValue();
            if (ratio > worst) {
                worst = ratio;
                worstWinner = won.get();
                worstCheapest = cheapest;
                worstLine = e.getKey();
            }
        }
        if (!comparable) {
            return Optional.empty();
        }
        return Optional.of(worst > limit
                ? Judgement.fired(i, t.code(), d, t.buyerCode(), worstWinner.supplierRut(), worst,
                List.of(percentOver(worst), worstLine, worstWinner.unitPrice(), worstCheapest.unitPrice(),
                        nz(worstCheapest.supplierName())), List.of())
                : Judgement.clear(i, t.code(), d, t.buyerCode(), worstWinner.supplierRut()));
    }

    /** Two suppliers offering the very same total on a line: at least the parameter, not a multiple of 1,000. */
    static Optional<Judgement> identicalBids(TenderCase t, RuleTable rules, int d) {
        Indicator i = Indicator.IDENTICAL_BIDS;
        if (t.stateCode() == null || (t.stateCode() != AWARDED && t.stateCode() != DESERTED)) {
            return Optional.empty();
        }
        if (t.offers().isEmpty()) {
            return Optional.of(Judgement.notJudged(i, t.code(), d, t.buyerCode(), Judgement.MISSING_OFFERS));
        }
        if (bidders(t).size() < 2) {
            return Optional.empty();
        }
        BigDecimal least = rules.parameter("param.identical-bid-min-clp").value();
        BigDecimal thousand = BigDecimal.valueOf(1000);
        for (Map.Entry<Integer, List<Offer>> e : byLine(t).entrySet()) {
            Map<BigDecimal, Offer> seen = new HashMap<>();
            for (Offer o : e.getValue()) {
                BigDecimal total = o.total();
                if (total == null || !pesos(o) || total.compareTo(least) < 0
                        || total.remainder(thousand).signum() == 0) {
                    continue;
                }
                Offer other = seen.putIfAbsent(total.stripTrailingZeros(), o);
                if (other != null && !bidder(other).equals(bidder(o))) {
                    return Optional.of(Judgement.fired(i, t.code(), d, t.buyerCode(), o.supplierRut(), 1,
                            List.of(e.getKey(), total, nz(other.supplierName()), nz(o.supplierName())), List.of()));
                }
            }
        }
        return Optional.of(Judgement.clear(i, t.code(), d, t.buyerCode(), null));
    }

    /** The estimate, in UTM of the publication month, outside its type's band (with the net/gross margin). */
    static Optional<Judgement> typeAmountMismatch(TenderCase t, RuleTable rules, LocalDate day, int d) {
        Indicator i = Indicator.TYPE_AMOUNT_MISMATCH;
        Optional<Rule> band = rules.band(t.type(), day);
        if (band.isEmpty()) {
            return Optional.empty();
        }
        if (t.estimateClp() == null || t.estimateClp() <= 0) {
            return Optional.of(Judgement.notJudged(i, t.code(), d, t.buyerCode(), Judgement.MISSING_AMOUNT));
        }
        double margin = 1 + rules.value("param.band-tolerance");
        BigDecimal utm = rules.inUtm(t.estimateClp(), day);
        Rule b = band.get();
        double u = utm.doubleValue();
        double below = b.min().signum() > 0 ? b.min().doubleValue() / margin : 0;
        double above = b.max() == null ? Double.MAX_VALUE : b.max().doubleValue() * margin;
        if (u >= below && u < above) {
            return Optional.of(Judgement.clear(i, t.code(), d, t.buyerCode(), null));
        }
        String fits = String.join(" / ", rules.bandsHolding(utm, day).stream()
                .flatMap(r -> r.types().stream()).toList());
        double score = u < below ? below / Math.max(u, 0.01) : u / above;
        return Optional.of(Judgement.fired(i, t.code(), d, t.buyerCode(), null, score,
                List.of(t.type(), utm.setScale(0, RoundingMode.HALF_UP), bandText(b), fits,
                        rules.utm(day).pesos()), List.of()));
    }

    /** Fewer calendar days between publication and close than the (reduced) minimum of its type, less a day. */
    static Optional<Judgement> shortPublication(TenderCase t, RuleTable rules, LocalDate day, int d) {
        Indicator i = Indicator.SHORT_PUBLICATION;
        Optional<Rule> rule = rules.minPublication(t.type(), day);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        if (t.publishedAt() == null || t.closesAt() == null) {
            return Optional.of(Judgement.notJudged(i, t.code(), d, t.buyerCode(), Judgement.MISSING_DATES));
        }
        long days = ChronoUnit.DAYS.between(Days.of(t.publishedAt()), Days.of(t.closesAt()));
        Rule r = rule.get();
        int least = r.reducibleTo() != null ? r.reducibleTo() : r.days();
        int tolerance = (int) rules.value("param.publication-tolerance-days");
        if (days >= least - tolerance) {
            return Optional.of(Judgement.clear(i, t.code(), d, t.buyerCode(), null));
        }
        return Optional.of(Judgement.fired(i, t.code(), d, t.buyerCode(), null, least / (double) Math.max(days, 1),
                List.of(days, t.type(), r.days(), least), List.of()));
    }

    /** Awarded more than the parameter above the estimate; unit-price contracts (under 10 %) left out. */
    static Optional<Judgement> awardOverEstimate(TenderCase t, RuleTable rules, int d) {
        Indicator i = Indicator.AWARD_OVER_ESTIMATE;
        if (!awarded(t)) {
            return Optional.empty();
        }
        if (t.estimateClp() == null || t.estimateClp() <= 0) {
            return Optional.of(Judgement.notJudged(i, t.code(), d, t.buyerCode(), Judgement.MISSING_AMOUNT));
        }
        BigDecimal awarded = BigDecimal.ZERO;
        String winner = null;
        for (Offer o : t.offers()) {
            if (o.selected() && o.awardedAmount() != null && pesos(o)) {
                awarded = awarded.add(o.awardedAmount());
                winner = winner == null ? o.supplierRut() : winner;
            }
        }
        if (awarded.signum() <= 0) {
            return Optional.of(Judgement.notJudged(i, t.code(), d, t.buyerCode(),
                    t.offers().isEmpty() ? Judgement.MISSING_OFFERS : Judgement.MISSING_AWARD));
        }
        double ratio = awarded.doubleValue() / t.estimateClp();
        if (ratio < rules.value("param.unit-price-contract-ratio")) {
            return Optional.of(Judgement.notJudged(i, t.code(), d, t.buyerCode(), Judgement.UNIT_PRICE_CONTRACT));
        }
        return Optional.of(ratio > 1 + rules.value("param.award-over-estimate")
                ? Judgement.fired(i, t.code(), d, t.buyerCode(), winner, ratio,
                List.of(percentOver(ratio), awarded.setScale(0, RoundingMode.HALF_UP), t.estimateClp()), List.of())
                : Judgement.clear(i, t.code(), d, t.buyerCode(), winner));
    }

    private static Map<Integer, List<Offer>> byLine(TenderCase t) {
        Map<Integer, List<Offer>> lines = new java.util.TreeMap<>();
        t.offers().forEach(o -> lines.computeIfAbsent(o.line(), k -> new ArrayList<>()).add(o));
        return lines;
    }

    static long percentOver(double ratio) {
        return Math.round((ratio - 1) * 100);
    }

    static String bandText(Rule b) {
        return b.max() == null ? "≥ " + b.min().toPlainString() : b.min().toPlainString() + "–" + b.max().toPlainString();
    }

    static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
