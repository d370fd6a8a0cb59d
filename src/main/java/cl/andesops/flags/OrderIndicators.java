package cl.andesops.flags;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cl.andesops.orders.OrderFlagInputs.OrderCase;
import cl.andesops.rules.RuleTable;

/**
 * The order indicators judged on the orders of one buyer to one supplier: a run of direct awards, and purchases
 * each under its cap that together pass it within the window (split purchases). Pure functions of the pair's
 * orders (oldest first) and the rules in force on each order's date.
 */
final class OrderIndicators {

    static final String COMPRA_AGIL = "AG";
    /** Codes of an episode the evidence lists at most. */
    static final int MAX_LISTED = 20;

    private OrderIndicators() {
    }

    static Set<String> directTypes(RuleTable rules) {
        return Set.copyOf(rules.parameter("param.direct-award-types").types());
    }

    /** The types whose orders these indicators read. */
    static Set<String> types(RuleTable rules) {
        java.util.HashSet<String> out = new java.util.HashSet<>(directTypes(rules));
        out.add(COMPRA_AGIL);
        return Set.copyOf(out);
    }

    /**
     * Whether an order is a direct award: as the open-data file says (EsTratoDirecto) where it does, else by its
     * type (the API says nothing else).
     */
    static boolean direct(OrderCase o, Set<String> directTypes) {
        return o.directAward() != null ? o.directAward() : directTypes.contains(o.type());
    }

    /** Whether an order is a Compra Ágil purchase: as the file says (EsCompraAgil), else by its type. */
    static boolean agile(OrderCase o) {
        return o.compraAgil() != null ? o.compraAgil() : COMPRA_AGIL.equals(o.type());
    }

    /** Whether these indicators judge the order (a direct award or a Compra Ágil purchase). */
    static boolean judged(OrderCase o, Set<String> directTypes) {
        return direct(o, directTypes) || agile(o);
    }

    static LocalDate ruleDay(OrderCase o) {
        return o.sentAt() != null ? Days.of(o.sentAt()) : Days.date(o.day());
    }

    /**
     * Judges the pair's orders whose creation day is within {@code [fromDay, toDay]}; {@code pair} must hold every
     * order of the pair from a year before {@code fromDay} to a window after {@code toDay}.
     */
    static List<Judgement> judge(List<OrderCase> pair, int fromDay, int toDay, RuleTable rules) {
        List<Judgement> out = new ArrayList<>();
        Set<String> direct = directTypes(rules);
        int window = (int) rules.value("param.split-window-days");
        int least = (int) rules.value("param.repeated-direct-awards");
        int span = rules.parameter("param.repeated-direct-awards").days();
        for (OrderCase o : pair) {
            if (o.day() < fromDay || o.day() > toDay) {
                continue;
            }
            LocalDate created = Days.date(o.day());
            int d = Days.number(ruleDay(o));
            if (direct(o, direct)) {
                out.add(repeated(o, pair, created, d, least, span, direct));
            }
            Long cap = cap(o, rules, direct);
            if (cap != null && o.amountClp() != null && o.amountClp() < cap) {
                out.add(split(o, pair, created, d, cap, window, rules, direct));
            } else if (cap != null && o.amountClp() == null) {
                out.add(Judgement.notJudged(Indicator.SPLIT_PURCHASE, o.code(), d, o.buyerCode(),
                        Judgement.MISSING_AMOUNT));
            }
        }
        return out;
    }

    /** The cap an order of its channel must stay under: the Compra Ágil ceiling, or L1's 100 UTM for a direct award. */
    static Long cap(OrderCase o, RuleTable rules, Set<String> direct) {
        LocalDate day = ruleDay(o);
        if (agile(o)) {
            return rules.clp(rules.compraAgilCeiling(day).max(), day);
        }
        if (direct(o, direct)) {
            return rules.band("L1", day).map(b -> rules.clp(b.max(), day)).orElse(null);
        }
        return null;
    }

    static boolean sameChannel(OrderCase a, OrderCase b, Set<String> direct) {
        return agile(a) ? agile(b) : direct(a, direct) && direct(b, direct);
    }

    static Judgement repeated(OrderCase o, List<OrderCase> pair, LocalDate created, int d, int least, int span,
            Set<String> direct) {
        Indicator i = Indicator.REPEATED_DIRECT_AWARD;
        if (o.supplierRut() == null) {
            return Judgement.notJudged(i, o.code(), d, o.buyerCode(), Judgement.MISSING_SUPPLIER);
        }
        int from = Days.number(created.minusDays(span - 1L));
        List<OrderCase> run = pair.stream().filter(p -> direct(p, direct) && p.day() >= from
                && (p.day() < o.day() || (p.day() == o.day() && p.id() <= o.id()))).toList();
        if (run.size() < least) {
            return Judgement.clear(i, o.code(), d, o.buyerCode(), o.supplierRut());
        }
        return Judgement.fired(i, o.code(), d, o.buyerCode(), o.supplierRut(), run.size() / (double) least,
                List.of(run.size(), span, TenderIndicators.nz(o.supplierName())), codes(run));
    }

    /**
     * Fires when some window of {@code window} days holding this order holds two or more of the pair's orders of its
     * channel, each under its cap, that together pass the cap of this order's day.
     */
    static Judgement split(OrderCase o, List<OrderCase> pair, LocalDate created, int d, long cap, int window,
            RuleTable rules, Set<String> direct) {
        Indicator i = Indicator.SPLIT_PURCHASE;
        if (o.supplierRut() == null) {
            return Judgement.notJudged(i, o.code(), d, o.buyerCode(), Judgement.MISSING_SUPPLIER);
        }
        List<OrderCase> small = pair.stream().filter(p -> sameChannel(o, p, direct) && p.amountClp() != null
                && p.amountClp() > 0 && p.amountClp() < cap).toList();
        long best = 0;
        List<OrderCase> episode = List.of();
        for (long shift = 0; shift < window; shift++) {
            LocalDate start = created.minusDays(shift);
            LocalDate end = start.plusDays(window - 1L);
            List<OrderCase> in = small.stream().filter(p -> {
                LocalDate pd = Days.date(p.day());
                return !pd.isBefore(start) && !pd.isAfter(end);
            }).toList();
            long sum = in.stream().mapToLong(OrderCase::amountClp).sum();
            if (in.size() >= 2 && sum > best) {
                best = sum;
                episode = in;
            }
        }
        if (best <= cap) {
            return Judgement.clear(i, o.code(), d, o.buyerCode(), o.supplierRut());
        }
        long days = ChronoUnit.DAYS.between(Days.date(episode.getFirst().day()), Days.date(episode.getLast().day()))
                + 1;
        String channel = agile(o) ? "AG" : "TD";
        return Judgement.fired(i, o.code(), d, o.buyerCode(), o.supplierRut(), best / (double) cap,
                List.of(episode.size(), days, best, cap, channel, TenderIndicators.nz(o.supplierName()),
                        BigDecimal.valueOf(cap).divide(BigDecimal.valueOf(rules.utm(ruleDay(o)).pesos()), 0,
                                java.math.RoundingMode.HALF_UP)), codes(episode));
    }

    static List<String> codes(List<OrderCase> orders) {
        List<String> all = orders.stream().map(OrderCase::code).toList();
        return all.size() <= MAX_LISTED ? all : all.subList(all.size() - MAX_LISTED, all.size());
    }
}
