package cl.andesops.flags;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cl.andesops.compraagil.CompraAgilFlagInputs.Quote;
import cl.andesops.compraagil.CompraAgilFlagInputs.RequestCase;
import cl.andesops.rules.RuleTable;

/**
 * The Compra Ágil indicators, each a pure function of one request (with its quotes) and the rules in force on the day
 * it was published for quotes. A request is judged on its quotes once the buyer chose one.
 */
final class CompraAgilIndicators {

    private CompraAgilIndicators() {
    }

    static List<Judgement> judge(RequestCase r, RuleTable rules) {
        LocalDate day = Days.of(r.publishedAt());
        if (day == null) {
            return List.of();
        }
        int d = Days.number(day);
        List<Judgement> out = new ArrayList<>();
        String unit = cl.andesops.shared.format.PartyKeys.supplier(r.organismRut()).orElse(r.organismRut());
        r = new RequestCase(r.id(), r.code(), r.name(), r.stateId(), r.state(), r.publishedAt(), r.closesAt(),
                r.currency(), r.amount(), r.amountClp(), r.organism(), unit, r.offersReceived(), r.orderCode(),
                r.quotes()); // the buyer by its unit's RUT as a key, the spelling every profile link uses
        fewQuotes(r, rules, d).ifPresent(out::add);
        cheapestNotChosen(r, d).ifPresent(out::add);
        overCeiling(r, rules, day, d).ifPresent(out::add);
        return out;
    }

    static Optional<Quote> chosen(RequestCase r) {
        return r.quotes().stream().filter(Quote::selected).findFirst();
    }

    /** A purchase decided on fewer quotes than the least the rules ask to request. */
    static Optional<Judgement> fewQuotes(RequestCase r, RuleTable rules, int d) {
        Indicator i = Indicator.CA_FEW_QUOTES;
        Optional<Quote> chosen = chosen(r);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        long quotes = r.quotes().stream().map(q -> q.supplierRut() == null ? "#" + q.quoteId() : q.supplierRut())
                .distinct().count();
        int least = (int) rules.value("param.compra-agil-min-quotes");
        return Optional.of(quotes < least
                ? Judgement.fired(i, r.code(), d, r.organismRut(), chosen.get().supplierRut(), least - quotes,
                List.of(quotes, least), List.of())
                : Judgement.clear(i, r.code(), d, r.organismRut(), chosen.get().supplierRut()));
    }

    /** The chosen quote dearer than the cheapest: the order must say why. */
    static Optional<Judgement> cheapestNotChosen(RequestCase r, int d) {
        Indicator i = Indicator.CA_CHEAPEST_NOT_CHOSEN;
        Optional<Quote> chosen = chosen(r);
        List<Quote> priced = r.quotes().stream().filter(q -> q.total() != null && q.total().signum() > 0).toList();
        if (chosen.isEmpty() || priced.size() < 2) {
            return Optional.empty();
        }
        if (chosen.get().total() == null) {
            return Optional.of(Judgement.notJudged(i, r.code(), d, r.organismRut(), Judgement.MISSING_AMOUNT));
        }
        Quote cheapest = priced.stream().min(Comparator.comparing(Quote::total)).orElseThrow();
        BigDecimal paid = chosen.get().total();
        if (paid.compareTo(cheapest.total()) <= 0) {
            return Optional.of(Judgement.clear(i, r.code(), d, r.organismRut(), chosen.get().supplierRut()));
        }
        double ratio = paid.doubleValue() / cheapest.total().doubleValue();
        return Optional.of(Judgement.fired(i, r.code(), d, r.organismRut(), chosen.get().supplierRut(), ratio,
                List.of(paid.setScale(0, RoundingMode.HALF_UP), cheapest.total().setScale(0, RoundingMode.HALF_UP),
                        TenderIndicators.nz(cheapest.supplierName()), TenderIndicators.percentOver(ratio),
                        reason(r, chosen.get())), List.of()));
    }

    /** The reason the buyer gave for its choice, as the file says it (empty when it does not). */
    static String reason(RequestCase r, Quote chosen) {
        if (chosen.criterion() != null && !chosen.criterion().isBlank()) {
            return chosen.criterion().strip();
        }
        return r.quotes().stream().map(Quote::criterion).filter(c -> c != null && !c.isBlank()).map(String::strip)
                .findFirst().orElse("");
    }

    /** The chosen quote (or, before a choice, the amount available) above the ceiling in force. */
    static Optional<Judgement> overCeiling(RequestCase r, RuleTable rules, LocalDate day, int d) {
        Indicator i = Indicator.CA_OVER_CEILING;
        Optional<Quote> chosen = chosen(r);
        Long amount = chosen.isPresent() && chosen.get().total() != null
                ? Long.valueOf(chosen.get().total().setScale(0, RoundingMode.HALF_UP).longValue()) : r.amountClp();
        if (amount == null || amount <= 0) {
            return Optional.of(Judgement.notJudged(i, r.code(), d, r.organismRut(), Judgement.MISSING_AMOUNT));
        }
        BigDecimal ceiling = rules.compraAgilCeiling(day).max();
        BigDecimal utm = rules.inUtm(amount, day);
        String supplier = chosen.map(Quote::supplierRut).orElse(null);
        return Optional.of(utm.compareTo(ceiling) > 0
                ? Judgement.fired(i, r.code(), d, r.organismRut(), supplier, utm.doubleValue() / ceiling.doubleValue(),
                List.of(amount, utm.setScale(1, RoundingMode.HALF_UP), ceiling.toPlainString(),
                        rules.clp(ceiling, day)), List.of())
                : Judgement.clear(i, r.code(), d, r.organismRut(), supplier));
    }
}
