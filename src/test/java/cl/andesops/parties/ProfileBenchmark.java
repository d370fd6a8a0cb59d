package cl.andesops.parties;

import cl.andesops.shared.format.Period;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import cl.andesops.AndesOpsApplication;
import cl.andesops.shared.format.PartyKeys;
import cl.andesops.shared.format.Rut;

/**
 * The profiles at five years of Chile: a SQLite database filled with {@code orders} detailed orders over five years
 * (1.25 items each; 900 buyers and 120,000 suppliers with long tails, the largest buyer about 1.5 % of the orders and
 * the largest supplier about 0.5 %; 20,000 products), a tender per 40 orders with three offers each, a Compra Ágil
 * request per 24 orders with three quotes each. Then, in the app started on it, the server time of the profile of
 * the largest buyer, of the largest supplier and of the most bought product over the default 12 months, beside the
 * plain SQL of their totals in the same run; the party index read from that database; and the party search at a
 * million parties (an index of its own, filled with a million names).
 * {@code java ... ProfileBenchmark DIR [orders]}
 */
public final class ProfileBenchmark {

    /** A timing: the median and the slowest of the runs, in ms. */
    public record Timing(String what, double p50, double max, String baseline) {
    }

    public record Result(long orders, long bytes, double fillSeconds, double partyIndexSeconds, List<Timing> timings) {
    }

    private static final String[] TYPES = {"SE", "CM", "AG", "TL", "D1", "C1", "SE", "CM", "AG", "LE"};

    public static void main(String[] args) throws Exception {
        Result r = run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 12_000_000, 15, 1_000_000);
        System.out.printf("%,d orders, database %,d MB, filled in %.0f s; party index read in %.1f s%n", r.orders(),
                r.bytes() / 1_000_000, r.fillSeconds(), r.partyIndexSeconds());
        for (Timing t : r.timings()) {
            System.out.printf("  %-60s p50 %8.1f ms  max %8.1f ms   baseline: %s%n", t.what(), t.p50(), t.max(),
                    t.baseline());
        }
    }

    private static ConfigurableApplicationContext start(Path dir) {
        return new SpringApplicationBuilder(AndesOpsApplication.class).run("--andesops.storage.data-dir=" + dir,
                "--andesops.storage.database-url=", "--andesops.sync.enabled=false", "--server.port=0",
                "--andesops.mercadopublico.ticket=bench", "--andesops.mercadopublico.base-url=http://127.0.0.1:9",
                "--andesops.mercadopublico.compra-agil-base-url=http://127.0.0.1:9", "--logging.level.root=WARN",
                "--andesops.opendata.history-months=0");
    }

    public static Result run(Path dir, int orders, int repetitions, int searchParties) throws Exception {
        Path marker = dir.resolve("filled-" + orders);
        double fill = 0;
        if (!Files.exists(marker)) {
            FileSystemUtils.deleteRecursively(dir);
            Files.createDirectories(dir);
            long t0 = System.nanoTime();
            try (ConfigurableApplicationContext ctx = start(dir)) {
                fill(ctx.getBean(DataSource.class), orders, LocalDate.now(ZoneOffset.ofHours(-3)));
            }
            fill = (System.nanoTime() - t0) / 1e9;
            Files.writeString(marker, "");
        }
        FileSystemUtils.deleteRecursively(dir.resolve("index").resolve("parties")); // read again, and timed
        List<Timing> timings = new ArrayList<>();
        double indexSeconds;
        try (ConfigurableApplicationContext ctx = start(dir)) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            PartyIndex index = ctx.getBean(PartyIndex.class);
            long t0 = System.nanoTime();
            index.awaitIndexed();
            while (index.building()) {
                Thread.sleep(200);
                index.awaitIndexed();
            }
            indexSeconds = (System.nanoTime() - t0) / 1e9;
            Period year = Period.lastYear(LocalDate.now(cl.andesops.shared.format.Formats.CHILE));
            String buyer = jdbc.sql("SELECT buyer_code FROM purchase_order GROUP BY buyer_code ORDER BY count(*) DESC "
                    + "LIMIT 1").query(String.class).single();
            String supplier = jdbc.sql("SELECT supplier_rut FROM purchase_order GROUP BY supplier_rut ORDER BY "
                    + "count(*) DESC LIMIT 1").query(String.class).single();
            String product = jdbc.sql("SELECT product_code FROM order_item GROUP BY product_code ORDER BY count(*) "
                    + "DESC LIMIT 1").query(String.class).single();
            BuyerProfiles buyers = ctx.getBean(BuyerProfiles.class);
            SupplierProfiles suppliers = ctx.getBean(SupplierProfiles.class);
            ProductProfiles products = ctx.getBean(ProductProfiles.class);
            String where = " FROM purchase_order WHERE has_detail = 1 AND day BETWEEN " + year.fromDay() + " AND "
                    + year.toDay();
            // the peers' figures of the default period are read once the app is up, off any request: waited for
            PeerGroups peers = ctx.getBean(PeerGroups.class);
            long c0 = System.nanoTime();
            long buyerOrders = buyers.profile(buyer, year).orElseThrow().orders();
            double first = (System.nanoTime() - c0) / 1e6;
            double cold = peers.lastReadMillis();
            timings.add(time("largest buyer's profile, 12 months (" + String.format("%,d", buyerOrders)
                            + " orders), peers' figures kept", repetitions, () -> buyers.profile(buyer, year),
                    "every buyer's figures of the period read in the background after the start in "
                            + String.format("%,.0f ms", cold) + "; first profile after the start "
                            + String.format("%,.1f ms", first)
                            + "; plain SQL of its totals " + sql(jdbc, "SELECT count(*), sum(amount_clp)" + where
                            + " AND buyer_code = '" + buyer + "'", repetitions)));
            long supplierOrders = suppliers.profile(supplier, year).orElseThrow().orders();
            timings.add(time("largest supplier's profile, 12 months (" + String.format("%,d", supplierOrders)
                            + " orders)", repetitions, () -> suppliers.profile(supplier, year),
                    "plain SQL of its totals " + sql(jdbc, "SELECT count(*), sum(amount_clp)" + where
                            + " AND supplier_rut = '" + supplier + "'", repetitions)));
            long lines = products.profile(product, year).orElseThrow().lines();
            timings.add(time("most bought product's price reference, 12 months (" + String.format("%,d", lines)
                            + " lines)", repetitions, () -> products.profile(product, year),
                    "plain SQL of its lines " + sql(jdbc, "SELECT count(*), sum(CAST(oi.net_price AS REAL)) FROM "
                            + "order_item oi JOIN purchase_order po ON po.id = oi.order_id WHERE oi.product_code = '"
                            + product + "' AND po.day BETWEEN " + year.fromDay() + " AND " + year.toDay(),
                            repetitions)));
            timings.add(time("party search in the five-year index, a supplier's name", repetitions * 10,
                    () -> index.search("comercial norte", null, 20), "parties indexed: " + String.format("%,d",
                            index.count())));
        }
        timings.addAll(search(dir.resolve("million"), searchParties, repetitions * 20));
        long bytes = Files.size(dir.resolve("andesops.db"));
        return new Result(orders, bytes, fill, indexSeconds, timings);
    }

    private static Timing time(String what, int n, Runnable r, String baseline) {
        double[] ms = new double[n];
        for (int i = -3; i < n; i++) {
            long t0 = System.nanoTime();
            r.run();
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return new Timing(what, ms[n / 2], ms[n - 1], baseline);
    }

    private static String sql(JdbcClient jdbc, String query, int n) {
        Timing t = time(query, n, () -> jdbc.sql(query).query().listOfRows(), "");
        return String.format("%,.1f ms p50", t.p50());
    }

    /** The party search over a million parties: an index filled with that many names, searched as a user types. */
    private static List<Timing> search(Path dir, int parties, int n) throws Exception {
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        List<Timing> out = new ArrayList<>();
        try (ConfigurableApplicationContext ctx = start(dir)) {
            PartyIndex index = ctx.getBean(PartyIndex.class);
            index.awaitIndexed();
            Random r = new Random(7);
            for (int i = 0; i < parties; i++) {
                PartyKeys.Kind kind = i % 10 == 0 ? PartyKeys.Kind.PRODUCT : i % 100 == 1 ? PartyKeys.Kind.BUYER
                        : PartyKeys.Kind.SUPPLIER;
                String key = switch (kind) {
                    case SUPPLIER -> rut(50_000_000 + i);
                    case BUYER -> Integer.toString(100_000 + i);
                    case PRODUCT -> Integer.toString(40_000_000 + i);
                };
                index.put(new PartyKeys.Named(kind, key, name(r, kind)));
            }
            index.commitForBench();
            out.add(time(String.format("party search at %,d parties: two words", parties), n,
                    () -> index.search("comercial andes", null, 20), ""));
            out.add(time(String.format("party search at %,d parties: a word half typed", parties), n,
                    () -> index.search("constructora biob", null, 20), ""));
            out.add(time(String.format("party search at %,d parties: a RUT with dots", parties), n,
                    () -> index.search(Rut.formatOrKeep(rut(50_123_457)), null, 20), ""));
            out.add(time(String.format("party search at %,d parties: a common word, suppliers only", parties), n,
                    () -> index.search("servicios", PartyKeys.Kind.SUPPLIER, 20), ""));
        }
        return out;
    }

    private static final String[] FIRST = {"Comercial", "Constructora", "Servicios", "Distribuidora", "Importadora",
        "Ingeniería", "Transportes", "Sociedad", "Inversiones", "Farmacéutica", "Alimentos", "Soluciones"};
    private static final String[] SECOND = {"Andes", "Biobío", "Pacífico", "Norte", "Sur", "Austral", "Cordillera",
        "Maule", "Elqui", "Copiapó", "Atacama", "Araucanía", "Valdivia", "Huasco", "Itata", "Rapel", "Aconcagua"};
    private static final String[] THIRD = {"Ltda.", "SpA", "S.A.", "EIRL", "y Cía. Ltda.", "Limitada"};
    private static final String[] PRODUCTS = {"Computador", "Papel", "Guantes", "Jeringas", "Cemento", "Pintura",
        "Neumáticos", "Combustible", "Alimentos", "Medicamentos", "Mascarillas", "Escritorio", "Silla", "Impresora"};

    private static String name(Random r, PartyKeys.Kind kind) {
        return switch (kind) {
            case PRODUCT -> PRODUCTS[r.nextInt(PRODUCTS.length)] + " " + SECOND[r.nextInt(SECOND.length)].toLowerCase()
                    + " " + r.nextInt(1_000);
            case BUYER -> "Municipalidad de " + SECOND[r.nextInt(SECOND.length)] + " " + r.nextInt(10_000);
            case SUPPLIER -> FIRST[r.nextInt(FIRST.length)] + " " + SECOND[r.nextInt(SECOND.length)] + " "
                    + (char) ('A' + r.nextInt(26)) + r.nextInt(100_000) + " " + THIRD[r.nextInt(THIRD.length)];
        };
    }

    private static String rut(int number) {
        return number + "-" + Rut.checkDigitOf(number);
    }

    /** Largest first, a long tail: index 0 with probability (1/n)^(1/k). */
    private static int skewed(Random r, int n, double k) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(r.nextDouble(), k) * n));
    }

    /** Five years of orders ending today, with their items, tenders, offers, requests and quotes. */
    static void fill(DataSource ds, int orders, LocalDate today) throws Exception {
        Random r = new Random(20261207);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous = OFF");
            List<String> indexes = new ArrayList<>();
            try (var rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                    + "AND tbl_name IN ('purchase_order', 'order_item', 'tender', 'tender_offer', 'ca_request', "
                    + "'ca_quote', 'ca_quote_item', 'ca_product')")) {
                while (rs.next()) {
                    indexes.add(rs.getString(2));
                    s.addBatch("DROP INDEX " + rs.getString(1));
                }
            }
            s.executeBatch();
            c.setAutoCommit(false);
            String[] regions = {"Región Metropolitana de Santiago", "Región de Valparaíso", "Región del Biobío",
                "Región de la Araucanía", "Región del Maule", "Región de Los Lagos", "Región de Coquimbo"};
            try (PreparedStatement b = c.prepareStatement("INSERT INTO buyer (unit_code, unit_name, unit_rut, "
                    + "organism_code, organism_name, region, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
                for (int i = 0; i < 900; i++) {
                    b.setString(1, "U" + i);
                    b.setString(2, "Unidad de compras " + i);
                    b.setString(3, rut(61_000_000 + i));
                    b.setString(4, Integer.toString(7_000 + i));
                    b.setString(5, (i % 3 == 0 ? "Ilustre Municipalidad de " : i % 3 == 1 ? "Hospital "
                            : "Servicio Nacional ") + SECOND[i % SECOND.length] + " " + i);
                    b.setString(6, regions[i % regions.length]);
                    b.addBatch();
                }
                b.executeBatch();
            }
            try (PreparedStatement b = c.prepareStatement("INSERT INTO supplier (code, rut, name, updated_at) "
                    + "VALUES (?, ?, ?, 0)")) {
                for (int i = 0; i < 120_000; i++) {
                    b.setString(1, Integer.toString(1_000_000 + i));
                    b.setString(2, Rut.formatOrKeep(rut(76_000_000 + i)));
                    b.setString(3, name(new Random(i), PartyKeys.Kind.SUPPLIER));
                    b.addBatch();
                }
                b.executeBatch();
            }
            PreparedStatement po = c.prepareStatement("INSERT INTO purchase_order (id, code, name, state_code, type, "
                    + "currency, total, amount_clp, tender_code, buyer_unit_code, buyer_code, buyer_name, unit_name, "
                    + "supplier_code, supplier_name, supplier_rut, region, created_at, day, has_detail, fetched_at, "
                    + "category_code) VALUES (?, ?, ?, 6, ?, 'CLP', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?)");
            PreparedStatement oi = c.prepareStatement("INSERT INTO order_item (order_id, line, category_code, category, "
                    + "product_code, product, quantity, unit, currency, net_price, total) VALUES (?, ?, ?, ?, ?, ?, ?, "
                    + "?, 'CLP', ?, ?)");
            PreparedStatement tender = c.prepareStatement("INSERT INTO tender (id, code, name, state_code, type, "
                    + "buyer_code, buyer_name, published_at, awarded_at, bidders, fetched_at) VALUES (?, ?, ?, 8, 'LE', "
                    + "?, ?, ?, ?, 3, 0)");
            PreparedStatement offer = c.prepareStatement("INSERT OR IGNORE INTO tender_offer (tender_id, line, supplier_code, "
                    + "supplier_rut, supplier_name, state, unit_price, selected) VALUES (?, 1, ?, ?, ?, 'Aceptada', ?, ?)");
            PreparedStatement request = c.prepareStatement("INSERT INTO ca_request (id, code, name, published_at, "
                    + "organism, organism_rut, has_detail, fetched_at) VALUES (?, ?, ?, ?, ?, ?, 1, 0)");
            PreparedStatement quote = c.prepareStatement("INSERT INTO ca_quote (request_id, quote_id, supplier_rut, "
                    + "supplier_name, total, selected) VALUES (?, ?, ?, ?, ?, ?)");
            PreparedStatement quoteItem = c.prepareStatement("INSERT INTO ca_quote_item (request_id, quote_id, line, "
                    + "product_code, name, quantity, unit_price, total) VALUES (?, ?, 1, ?, ?, '1', ?, ?)");
            LocalDate first = today.minusYears(5).plusDays(1);
            long days = today.toEpochDay() - first.toEpochDay() + 1;
            int tenders = 0;
            int requests = 0;
            for (int id = 1; id <= orders; id++) {
                LocalDate d = first.plusDays((long) (id - 1) * days / orders);
                int day = d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
                long at = d.atStartOfDay(ZoneOffset.ofHours(-3)).toInstant().toEpochMilli() + 36_000_000L;
                int buyer = skewed(r, 900, 1.62);
                int supplier = skewed(r, 120_000, 2.2);
                String type = TYPES[r.nextInt(TYPES.length)];
                long amount = (long) Math.exp(10 + r.nextGaussian() * 2.2);
                int product = skewed(r, 20_000, 2.0);
                String category = Integer.toString(4_000_000 + product / 20 * 100);
                String supplierRut = Rut.formatOrKeep(rut(76_000_000 + supplier));
                String supplierName = name(new Random(supplier), PartyKeys.Kind.SUPPLIER);
                po.setLong(1, id);
                po.setString(2, (1_000 + buyer) + "-" + id + "-" + type + "26");
                po.setString(3, "Orden " + id);
                po.setString(4, type);
                po.setString(5, Long.toString(amount));
                po.setLong(6, amount);
                po.setString(7, type.equals("SE") ? (1_000 + buyer) + "-" + id + "-LE26" : null);
                po.setString(8, "U" + buyer);
                po.setString(9, Integer.toString(7_000 + buyer));
                po.setString(10, (buyer % 3 == 0 ? "Ilustre Municipalidad de " : buyer % 3 == 1 ? "Hospital "
                        : "Servicio Nacional ") + SECOND[buyer % SECOND.length] + " " + buyer);
                po.setString(11, "Unidad de compras " + buyer);
                po.setString(12, Integer.toString(1_000_000 + supplier));
                po.setString(13, supplierName);
                po.setString(14, supplierRut);
                po.setString(15, regions[buyer % regions.length]);
                po.setLong(16, at);
                po.setInt(17, day);
                po.setString(18, category);
                po.addBatch();
                int items = r.nextInt(4) == 0 ? 2 : 1;
                for (int line = 1; line <= items; line++) {
                    int p = line == 1 ? product : skewed(r, 20_000, 2.0);
                    double price = Math.exp(8 + r.nextGaussian());
                    oi.setLong(1, id);
                    oi.setInt(2, line);
                    oi.setString(3, Integer.toString(4_000_000 + p / 20 * 100));
                    oi.setString(4, "Categoría " + p / 20);
                    oi.setString(5, Integer.toString(40_000_000 + p));
                    oi.setString(6, PRODUCTS[p % PRODUCTS.length] + " " + p);
                    oi.setString(7, "1");
                    oi.setString(8, p % 7 == 0 ? "Caja" : "Unidad");
                    oi.setString(9, String.format(java.util.Locale.ROOT, "%.0f", price));
                    oi.setString(10, String.format(java.util.Locale.ROOT, "%.0f", price));
                    oi.addBatch();
                }
                if (id % 40 == 0) {
                    tenders++;
                    tender.setLong(1, tenders);
                    tender.setString(2, (1_000 + buyer) + "-" + tenders + "-LE26");
                    tender.setString(3, "Licitación " + tenders);
                    tender.setString(4, Integer.toString(7_000 + buyer));
                    tender.setString(5, "Organismo " + buyer);
                    tender.setLong(6, at - 30L * 86_400_000L);
                    tender.setLong(7, at);
                    tender.addBatch();
                    for (int o = 0; o < 3; o++) {
                        int s2 = o == 0 ? supplier : skewed(r, 120_000, 2.2);
                        offer.setLong(1, tenders);
                        offer.setString(2, Integer.toString(1_000_000 + s2));
                        offer.setString(3, Rut.formatOrKeep(rut(76_000_000 + s2)));
                        offer.setString(4, "Proveedor " + s2);
                        offer.setString(5, Long.toString(amount + o * 1_000L));
                        offer.setInt(6, o == 0 ? 1 : 0);
                        offer.addBatch();
                    }
                }
                if (id % 24 == 0) {
                    requests++;
                    request.setLong(1, requests);
                    request.setString(2, (1_000 + buyer) + "-" + requests + "-COT26");
                    request.setString(3, "Solicitud " + requests);
                    request.setLong(4, at);
                    request.setString(5, "Organismo " + buyer);
                    request.setString(6, rut(61_000_000 + buyer));
                    request.addBatch();
                    for (int q = 1; q <= 3; q++) {
                        int s2 = q == 1 ? supplier : skewed(r, 120_000, 2.2);
                        long total = amount / 10 + q * 500L;
                        quote.setLong(1, requests);
                        quote.setLong(2, q);
                        quote.setString(3, rut(76_000_000 + s2));
                        quote.setString(4, "Proveedor " + s2);
                        quote.setString(5, Long.toString(total));
                        quote.setInt(6, q == 1 ? 1 : 0);
                        quote.addBatch();
                        quoteItem.setLong(1, requests);
                        quoteItem.setLong(2, q);
                        quoteItem.setString(3, Integer.toString(40_000_000 + product));
                        quoteItem.setString(4, PRODUCTS[product % PRODUCTS.length] + " " + product);
                        quoteItem.setString(5, Long.toString(total));
                        quoteItem.setString(6, Long.toString(total));
                        quoteItem.addBatch();
                    }
                }
                if (id % 20_000 == 0 || id == orders) {
                    for (PreparedStatement p : List.of(po, oi, tender, offer, request, quote, quoteItem)) {
                        p.executeBatch();
                    }
                    c.commit();
                }
            }
            c.setAutoCommit(true);
            for (String sql : indexes) {
                s.execute(sql);
            }
            s.execute("ANALYZE");
        }
    }
}
