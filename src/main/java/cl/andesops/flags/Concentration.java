package cl.andesops.flags;

import static cl.andesops.flags.PartyIndicators.NO_PEERS;
import static cl.andesops.flags.PartyIndicators.TOO_FEW;
import static cl.andesops.flags.PartyIndicators.percent;
import static cl.andesops.flags.PartyIndicators.quantile;
import static cl.andesops.flags.PartyIndicators.peersMin;
import static cl.andesops.flags.PartyIndicators.twoDecimals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cl.andesops.orders.OrderPeerInputs.Share;
import cl.andesops.rules.RuleTable;
import cl.andesops.shared.format.PartyKeys;

/**
 * The concentration of each buyer's pesos by category: the top supplier's share and the HHI (the sum of the
 * suppliers' squared shares) of every category where the buyer placed {@code concentration.min} orders or more,
 * read by buyer and category. A buyer fires when in some category its top supplier holds
 * {@code concentration.value} or more and its HHI is above the {@code concentration.max} quantile (0.99: a buyer
 * is compared in each of its categories) of the other buyers of that category (at least {@code peers-min}).
 */
final class Concentration {
    /** {@code top}: the least of the top supplier's share of the pesos and of the orders. */
    private record Cell(String buyer, String category, long orders, double hhi, double top, String supplier) {
    }

    private final RuleTable rules;
    private final long minOrders;
    private final Map<String, List<Cell>> byBuyer = new HashMap<>();
    private final Map<String, List<Double>> byCategory = new HashMap<>();
    private final Map<String, Long> tooFew = new HashMap<>();
    private final List<Share> open = new ArrayList<>();

    Concentration(RuleTable rules) {
        this.rules = rules;
        this.minOrders = rules.parameter("param.concentration").min().longValue();
    }

    void accept(Share s) {
        if (!open.isEmpty() && !(open.getFirst().buyerCode().equals(s.buyerCode())
                && open.getFirst().category().equals(s.category()))) {
            close();
        }
        open.add(s);
    }

    private void close() {
        if (open.isEmpty()) {
            return;
        }
        Share first = open.getFirst();
        long orders = open.stream().mapToLong(Share::orders).sum();
        long pesos = open.stream().mapToLong(Share::pesos).sum();
        Map<String, Long> bySupplier = new HashMap<>();
        Map<String, Long> ordersBy = new HashMap<>();
        open.forEach(s -> {
            String k = PartyKeys.supplier(s.supplierRut()).orElse(s.supplierRut());
            bySupplier.merge(k, s.pesos(), Long::sum);
            ordersBy.merge(k, s.orders(), Long::sum);
        });
        open.clear();
        if (orders < minOrders || pesos <= 0) {
            tooFew.merge(first.buyerCode(), orders, Long::sum);
            return;
        }
        double hhi = 0;
        double top = 0;
        String topSupplier = null;
        for (Map.Entry<String, Long> e : bySupplier.entrySet()) {
            double share = e.getValue() / (double) pesos;
            hhi += share * share;
            if (share > top || share == top && topSupplier != null && e.getKey().compareTo(topSupplier) < 0) {
                top = share;
                topSupplier = e.getKey();
            }
        }
        // one large order is not a supplier holding a category: the top supplier must hold as large a share of
        // the orders as of the pesos for the category to count as held
        double topOrders = ordersBy.getOrDefault(topSupplier, 0L) / (double) orders;
        Cell c = new Cell(first.buyerCode(), first.category(), orders, hhi, Math.min(top, topOrders), topSupplier);
        byBuyer.computeIfAbsent(c.buyer(), k -> new ArrayList<>()).add(c);
        byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(hhi);
    }

    List<Judgement> judge(int day) {
        close();
        Indicator i = Indicator.SUPPLIER_CONCENTRATION;
        double least = rules.value("param.concentration");
        double q = rules.parameter("param.concentration").max().doubleValue();
        Map<String, double[]> sorted = new HashMap<>();
        byCategory.forEach((k, l) -> {
            double[] v = l.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(v);
            sorted.put(k, v);
        });
        List<Judgement> out = new ArrayList<>();
        tooFew.keySet().stream().filter(b -> !byBuyer.containsKey(b))
                .forEach(b -> out.add(Judgement.notJudged(i, b, day, b, TOO_FEW)));
        byBuyer.forEach((b, cells) -> {
            Cell worst = null;
            double worstLine = 0;
            boolean compared = false;
            for (Cell c : cells) {
                double[] group = sorted.get(c.category());
                if (group.length - 1 < peersMin(rules)) {
                    continue;
                }
                compared = true;
                double line = quantile(group, q, c.hhi());
                if (c.top() >= least && c.hhi() > line && (worst == null || c.hhi() - line > worst.hhi() - worstLine)) {
                    worst = c;
                    worstLine = line;
                }
            }
            if (!compared) {
                out.add(Judgement.notJudged(i, b, day, b, NO_PEERS));
            } else if (worst == null) {
                out.add(Judgement.clear(i, b, day, b, null));
            } else {
                double[] group = sorted.get(worst.category());
                out.add(Judgement.fired(i, b, day, b, worst.supplier(), worst.hhi(), List.of(worst.category(),
                        percent(worst.top()), twoDecimals(worst.hhi()), twoDecimals(quantile(group, 0.5,
                                worst.hhi())), twoDecimals(worstLine), group.length - 1, worst.orders()),
                        List.of()));
            }
        });
        return out;
    }
}
