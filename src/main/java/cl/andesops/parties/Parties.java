package cl.andesops.parties;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cl.andesops.compraagil.CompraAgilPartyQueries;
import cl.andesops.orders.OrderPartyQueries;
import cl.andesops.shared.format.Rut;
import cl.andesops.tenders.TenderPartyQueries;
import cl.andesops.shared.format.PartyKeys;

/**
 * The one owner of buyer and supplier identity: who a key is in the records (names over time from every dataset,
 * units, codes), and the spellings of a RUT the datasets store, so every query of a supplier finds it whichever
 * dataset wrote it. Each dataset is read through its feature's queries.
 */
@Service
public class Parties {

    private final OrderPartyQueries orders;
    private final TenderPartyQueries tenders;
    private final CompraAgilPartyQueries compraAgil;

    private final PartyIndex index;

    Parties(OrderPartyQueries orders, TenderPartyQueries tenders, CompraAgilPartyQueries compraAgil,
            PartyIndex index) {
        this.index = index;
        this.orders = orders;
        this.tenders = tenders;
        this.compraAgil = compraAgil;
    }

    /** The spellings of a RUT the datasets write ({@code 76.012.551-2}, {@code 76012551-2}; K upper or lower). */
    public static List<String> spellings(Rut rut) {
        String plain = rut.number() + "-" + rut.checkDigit();
        String dotted = rut.toString();
        List<String> out = new ArrayList<>(List.of(dotted, plain));
        if (rut.checkDigit() == 'K') {
            out.add(dotted.substring(0, dotted.length() - 1) + "k");
            out.add(plain.substring(0, plain.length() - 1) + "k");
        }
        return out;
    }

    /** The buyer with this organism code, when any order, tender or unit names it. */
    public Optional<Buyer> buyer(String code) {
        Optional<String> key = PartyKeys.buyer(code);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String c = key.get();
        Map<String, Long> seen = new LinkedHashMap<>();
        orders.buyerNames(c).forEach(n -> seen.merge(n.name(), n.last(), Math::max));
        tenders.buyerNames(c).forEach(n -> seen.merge((String) n[0], (Long) n[1], Math::max));
        index.names(PartyKeys.Kind.BUYER, c, 20).forEach(n -> seen.putIfAbsent(n, -1L)); // older than those read
        List<String> names = newestFirst(seen);
        List<Buyer.Unit> units = orders.units(c).stream().map(u -> new Buyer.Unit(u[0], u[1], u[2])).toList();
        if (names.isEmpty() && units.isEmpty()) {
            return Optional.empty();
        }
        String name = names.isEmpty() ? units.getFirst().name() : names.getFirst();
        return Optional.of(new Buyer(c, name, names.size() > 1 ? names.subList(1, names.size()) : List.of(), units,
                orders.buyerRegion(c)));
    }

    /** The organism a purchasing unit with this RUT belongs to (a Compra Ágil request names its buyer so). */
    public Optional<String> organismOfUnit(String rutText) {
        return Rut.parse(rutText).flatMap(r -> orders.organismOfUnitRut(spellings(r)));
    }

    /** The supplier with this RUT, when any order, offer or quote names it. */
    public Optional<Supplier> supplier(String rutText) {
        Optional<Rut> rut = Rut.parse(rutText);
        if (rut.isEmpty()) {
            return Optional.empty();
        }
        List<String> r = spellings(rut.get());
        Map<String, Long> seen = new LinkedHashMap<>();
        orders.supplierNames(r).forEach(n -> seen.merge(n.name(), n.last(), Math::max));
        tenders.supplierNames(r).forEach(n -> seen.merge((String) n[0], (Long) n[1], Math::max));
        compraAgil.supplierNames(r).forEach(n -> seen.merge((String) n[0], (Long) n[1], Math::max));
        String key = PartyKeys.supplier(rutText).orElseThrow();
        index.names(PartyKeys.Kind.SUPPLIER, key, 20).forEach(n -> seen.putIfAbsent(n, -1L));
        List<String> names = newestFirst(seen);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Supplier(PartyKeys.supplier(rutText).orElseThrow(), names.getFirst(),
                names.subList(1, names.size()), orders.supplierCodes(r), orders.supplierRegion(r)));
    }

    /** Names by when a record last used them, newest first (then by name), at most twenty. */
    private static List<String> newestFirst(Map<String, Long> seen) {
        return seen.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .map(Map.Entry::getKey).limit(20).toList();
    }
}
