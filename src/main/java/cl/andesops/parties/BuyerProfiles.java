package cl.andesops.parties;

import cl.andesops.shared.format.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cl.andesops.compraagil.CompraAgilPartyQueries;
import cl.andesops.orders.OrderPartyQueries;
import cl.andesops.parties.Figures.Counterpart;
import cl.andesops.parties.Figures.Month;
import cl.andesops.parties.Figures.Share;
import cl.andesops.tenders.TenderPartyQueries;
import cl.andesops.shared.format.PartyKeys;

/**
 * Computes a buyer's profile over a period from its orders (by its organism's code), the tenders it published and its
 * Compra Ágil requests (by its units' RUTs), each read through its feature's queries on their indexes.
 */
@Service
public class BuyerProfiles {

    static final int TOP = 20;

    private final Parties parties;
    private final OrderPartyQueries orders;
    private final TenderPartyQueries tenders;
    private final CompraAgilPartyQueries compraAgil;
    private final PeerGroups peers;

    BuyerProfiles(Parties parties, OrderPartyQueries orders, TenderPartyQueries tenders,
                  CompraAgilPartyQueries compraAgil, PeerGroups peers) {
        this.peers = peers;
        this.parties = parties;
        this.orders = orders;
        this.tenders = tenders;
        this.compraAgil = compraAgil;
    }

    public Optional<BuyerProfile> profile(String code, Period p) {
        return parties.buyer(code).map(b -> profile(b, p));
    }

    BuyerProfile profile(Buyer b, Period p) {
        OrderPartyQueries.Who who = OrderPartyQueries.Who.buyer(b.code());
        long[] totals = orders.totals(who, "supplier_rut", p.fromDay(), p.toDay());
        long total = totals[1];
        List<Long> amounts = new ArrayList<>();
        List<Counterpart> suppliers = new ArrayList<>();
        orders.byCounterpart(who, "supplier_rut", p.fromDay(), p.toDay(), TOP, g -> {
            amounts.add(g.amountClp());
            if (suppliers.size() < TOP) {
                suppliers.add(new Counterpart(PartyKeys.supplier(g.key()).orElse(g.key()), g.name(), g.orders(),
                        g.amountClp(), share(g.amountClp(), total), PartyKeys.supplierPath(g.key())));
            }
        });
        return new BuyerProfile(b, p, totals[0], total, totals[2],
                Figures.hhi(amounts.stream().mapToLong(Long::longValue).toArray()),
                months(orders.byMonth(who, p.fromDay(), p.toDay()), p), shares(orders.byProcedure(who, p.fromDay(),
                p.toDay()), total), suppliers, shares(orders.byCategory(who, p.fromDay(), p.toDay(), TOP), total),
                tenders(b, p), compraAgil(b, p), peers.buyerPeers(b.code(), b.name(), p));
    }

    /** A page of every supplier the buyer bought from in the period, most pesos first, and how many there are. */
    public Optional<Figures.Page<Counterpart>> suppliers(String code, Period p, int offset, int limit) {
        return parties.buyer(code).map(b -> {
            OrderPartyQueries.Who who = OrderPartyQueries.Who.buyer(b.code());
            long total = orders.totals(who, "supplier_rut", p.fromDay(), p.toDay())[1];
            List<Counterpart> page = new ArrayList<>();
            long[] count = new long[1];
            java.util.function.Consumer<Counterpart> each = Figures.paging(offset, limit, page, count);
            orders.byCounterpart(who, "supplier_rut", p.fromDay(), p.toDay(), offset + limit, g -> each.accept(
                    new Counterpart(PartyKeys.supplier(g.key()).orElse(g.key()), g.name(), g.orders(), g.amountClp(),
                            share(g.amountClp(), total), PartyKeys.supplierPath(g.key()))));
            return new Figures.Page<>(page, count[0]);
        });
    }

    /** Every month of the period, those without orders as zeros. */
    static List<Month> months(Map<Integer, long[]> byMonth, Period p) {
        List<Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(p.from()); !m.isAfter(YearMonth.from(p.to())); m = m.plusMonths(1)) {
            long[] v = byMonth.getOrDefault(m.getYear() * 100 + m.getMonthValue(), new long[2]);
            months.add(new Month(m.toString(), v[0], v[1]));
        }
        return months;
    }

    static List<Share> shares(List<OrderPartyQueries.Group> groups, long total) {
        return groups.stream().map(g -> new Share(g.key(), g.name(), g.orders(), g.amountClp(),
                share(g.amountClp(), total))).toList();
    }

    private BuyerProfile.Tenders tenders(Buyer b, Period p) {
        List<TenderPartyQueries.Published> rows = tenders.published(b.code(), millis(p.fromDay(), false),
                millis(p.toDay(), true));
        long awarded = 0;
        long counted = 0;
        long bidders = 0;
        long single = 0;
        Integer complaints = null;
        List<Double> days = new ArrayList<>();
        for (TenderPartyQueries.Published t : rows) {
            if (t.state() != null && t.state() == 8) {
                awarded++;
            }
            if (t.bidders() != null && t.bidders() > 0) {
                counted++;
                bidders += t.bidders();
                if (t.bidders() == 1) {
                    single++;
                }
            }
            if (t.publishedAt() != null && t.awardedAt() != null) {
                days.add((t.awardedAt() - t.publishedAt()) / 86_400_000.0);
            }
            if (t.complaints() != null) {
                complaints = t.complaints(); // the latest tender's figure: rows come oldest first
            }
        }
        return new BuyerProfile.Tenders(rows.size(), awarded, counted, counted == 0 ? 0 : (double) bidders / counted,
                counted == 0 ? 0 : (double) single / counted, median(days), complaints);
    }

    private BuyerProfile.CompraAgil compraAgil(Buyer b, Period p) {
        List<String> ruts = new ArrayList<>();
        for (Buyer.Unit u : b.units()) {
            cl.andesops.shared.format.Rut.parse(u.rut()).ifPresent(r -> Parties.spellings(r).stream()
                    .filter(s -> !ruts.contains(s)).forEach(ruts::add));
        }
        if (ruts.isEmpty()) {
            return new BuyerProfile.CompraAgil(0, 0, 0, 0, 0);
        }
        List<long[]> rows = compraAgil.buyerRequests(ruts, millis(p.fromDay(), false), millis(p.toDay(), true));
        long quoted = rows.stream().filter(r -> r[0] > 0).count();
        long quotes = rows.stream().mapToLong(r -> r[0]).sum();
        List<long[]> compared = rows.stream().filter(r -> r[0] > 1 && r[1] > 0).toList();
        long cheapest = compared.stream().filter(r -> r[2] > 0).count();
        return new BuyerProfile.CompraAgil(rows.size(), quoted, quoted == 0 ? 0 : (double) quotes / quoted,
                compared.size(), compared.isEmpty() ? 0 : (double) cheapest / compared.size());
    }

    /** The first instant of a Chile day (yyyymmdd), or of the day after it. */
    static long millis(int day, boolean after) {
        java.time.LocalDate d = java.time.LocalDate.of(day / 10_000, day / 100 % 100, day % 100);
        return (after ? d.plusDays(1) : d).atStartOfDay(cl.andesops.shared.format.Formats.CHILE).toInstant()
                .toEpochMilli();
    }

    static double share(long part, long whole) {
        return whole <= 0 ? 0 : (double) part / whole;
    }

    static Double median(List<Double> values) {
        return cl.andesops.shared.Stats.median(values);
    }
}
