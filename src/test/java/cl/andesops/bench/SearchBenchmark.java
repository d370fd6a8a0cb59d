package cl.andesops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cl.andesops.AndesOpsApplication;
import cl.andesops.simulator.SimulatorFixtures;
import cl.andesops.simulator.SimulatorSettings;
import cl.andesops.tenders.TenderQuery;
import cl.andesops.tenders.TenderSearch;

/**
 * Tender search at scale: N simulated tenders in SQLite, the app's Lucene index rebuilt from them, then each query
 * class (common word, rare word, two words, prefix) with two facets (state and region) and all facet counts,
 * against SQLite FTS5 ranked by bm25 and a plain LIKE, each with the same two filters and a top 20 plus a count.
 * {@code java ... cl.andesops.bench.SearchBenchmark [TENDERS [REPETITIONS [DIR]]]}: a DIR kept from a run before is
 * measured again without loading or indexing (the search profile of #29 was taken that way).
 */
public final class SearchBenchmark {

    /** A query class on one engine: its latencies and how many tenders it found (the work was done). */
    record Figure(String engine, String query, double p50, double p95, long found) {
    }

    static final Map<String, String[]> QUERIES = new LinkedHashMap<>();

    static {
        // [lucene input, fts5 match, like pattern]
        QUERIES.put("common word", new String[]{"suministro", "suministro", "%suministro%"});
        QUERIES.put("rare word", new String[]{"vichuquen", "vichuquen", "%vichuqu_n%"});
        QUERIES.put("two words", new String[]{"insumos medicos", "insumos medicos", "%insumos m_dicos%"});
        QUERIES.put("prefix", new String[]{"combust", "combust*", "%combust%"});
    }

    /** The baselines take up to seconds a query: they are timed at most this often. */
    static final int BASELINE_RUNS = 20;

    public static List<Figure> run(int target, Path dir, int repetitions) throws Exception {
        int baselineRuns = Math.min(repetitions, BASELINE_RUNS);
        // a measurement (20 runs and more) waits for a quiet process and warms each query; a test's tiny run does not
        boolean measuring = repetitions >= BASELINE_RUNS;
        // how long each query runs before it is timed (at least 3 runs)
        long warmNanos = measuring ? 3_000_000_000L : 0;
        Path appDir = Files.createDirectories(dir.resolve("app"));
        SimulatorFixtures fixtures = new SimulatorFixtures(new SimulatorSettings(20260101, 0, 0,
                Math.max(1, target / 300), 0, 5_000, java.time.Duration.ofMillis(1), false, 1, "bench", 0, true));
        List<Figure> figures = new ArrayList<>();
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AndesOpsApplication.class)
                .run("--andesops.storage.data-dir=" + appDir, "--andesops.storage.database-url=", "--andesops.sync.enabled=false", "--server.port=0",
                        "--andesops.mercadopublico.ticket=bench", "--andesops.mercadopublico.base-url=http://127.0.0.1:9",
                        "--andesops.mercadopublico.compra-agil-base-url=http://127.0.0.1:9",
                        "--logging.level.root=WARN")) {
            Path db = appDir.resolve("andesops.db");
            int held = held(db);
            TenderSearch search = ctx.getBean(TenderSearch.class);
            if (held > 0 && held < target) {
                throw new IllegalStateException(appDir + " holds " + held + " tenders, fewer than " + target);
            }
            int loaded = held >= target ? held : load(fixtures, db, target);
            if (search.search(TenderQuery.text(""), 0, 1).total() < loaded) {
                long t0 = System.nanoTime();
                search.stop();
                org.springframework.util.FileSystemUtils.deleteRecursively(appDir.resolve("index").resolve("tenders"));
                search.start();           // finds no index and builds it from the database
                search.awaitIndexed();
                waitForIndex(search, loaded);
                System.out.printf("lucene: indexed %,d tenders in %.1f s%n", loaded, (System.nanoTime() - t0) / 1e9);
            } else {
                System.out.printf("lucene: %,d tenders kept from the run before in %s%n", loaded, appDir);
            }
            if (measuring) {
                awaitQuiet();
            }
            Set<String> states = Set.of("Publicada");
            Set<String> regions = Set.of("Región Metropolitana de Santiago");
            for (var q : QUERIES.entrySet()) {
                TenderQuery query = new TenderQuery(q.getValue()[0], states, null, regions, null, null, null, null, null);
                figures.add(measure("Lucene", q.getKey(), repetitions, warmNanos,
                        () -> search.search(query, 0, 20).total()));
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                long f0 = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS tender_fts USING fts5(name, description, "
                            + "tokenize = 'unicode61 remove_diacritics 2')");
                    s.execute("INSERT INTO tender_fts (rowid, name, description) SELECT id, name, description FROM tender"
                            + " WHERE id > (SELECT coalesce(max(rowid), 0) FROM tender_fts)");
                }
                System.out.printf("fts5: built in %.1f s%n", (System.nanoTime() - f0) / 1e9);
                for (var q : QUERIES.entrySet()) {
                    figures.add(measure("FTS5 bm25", q.getKey(), baselineRuns, warmNanos, () -> sql(c, """
                            SELECT t.code FROM tender_fts f JOIN tender t ON t.id = f.rowid
                             WHERE tender_fts MATCH ? AND t.state = 'Publicada'
                               AND t.region = 'Región Metropolitana de Santiago'
                             ORDER BY bm25(tender_fts) LIMIT 20""", """
                            SELECT count(*), t.type FROM tender_fts f JOIN tender t ON t.id = f.rowid
                             WHERE tender_fts MATCH ? AND t.state = 'Publicada'
                               AND t.region = 'Región Metropolitana de Santiago' GROUP BY t.type""",
                            q.getValue()[1])));
                    figures.add(measure("LIKE", q.getKey(), baselineRuns, warmNanos, () -> sql(c, """
                            SELECT code FROM tender WHERE (name LIKE ? OR description LIKE ?) AND state = 'Publicada'
                               AND region = 'Región Metropolitana de Santiago' ORDER BY closes_at LIMIT 20""", """
                            SELECT count(*), type FROM tender WHERE (name LIKE ? OR description LIKE ?)
                               AND state = 'Publicada' AND region = 'Región Metropolitana de Santiago' GROUP BY type""",
                            q.getValue()[2], q.getValue()[2])));
                }
            }
        }
        return figures;
    }

    /**
     * Waits until the app's own catch-up after a start (the indicators and the party index reading a million new
     * tenders) has ended, so the figures are the search's and not theirs: the process's CPU under a tenth of a core
     * over two seconds, at most ten minutes.
     */
    public static void awaitQuiet() throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long deadline = System.nanoTime() + 600_000_000_000L;
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            long c = os.getProcessCpuTime();
            long w = System.nanoTime();
            if ((c - cpu) < (w - wall) / 10) {
                return;
            }
            cpu = c;
            wall = w;
        }
    }

    /** Tenders a directory kept from a run before ({@code main}'s third argument), so a rerun measures at once. */
    private static int held(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM tender")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void waitForIndex(TenderSearch search, int expected) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (search.search(TenderQuery.text(""), 0, 1).total() >= expected) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static int load(SimulatorFixtures fixtures, Path db, int target) throws Exception {
        int n = 0;
        Instant now = Instant.now();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?journal_mode=WAL&synchronous=OFF")) {
            c.setAutoCommit(false);
            // the rows carry a data version of their own, as a writer's would: the index catches up to it
            long version;
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE data_version SET version = version + 1 WHERE dataset = 'tenders'");
                try (ResultSet rs = s.executeQuery("SELECT version FROM data_version WHERE dataset = 'tenders'")) {
                    rs.next();
                    version = rs.getLong(1);
                }
            }
            try (PreparedStatement t = c.prepareStatement("INSERT INTO tender (code, name, description, state_code, "
                    + "state, type, region, buyer_name, amount_visible, amount_clp, estimated_amount, closes_at, "
                    + "published_at, fetched_at, has_detail, version) VALUES (?,?,?,?,?,?,?,?,1,?,?,?,?,0,1," + version
                    + ")");
                 PreparedStatement it = c.prepareStatement("INSERT INTO tender_item (tender_id, line, product_name, "
                         + "description, category_code, category) VALUES (last_insert_rowid(), 1, ?, ?, ?, ?)")) {
                for (LocalDate day = LocalDate.now().minusDays(1); n < target; day = day.minusDays(1)) {
                    for (SimulatorFixtures.TenderText x : fixtures.tenders(day, now)) {
                        if (n >= target) {
                            break;
                        }
                        t.setString(1, x.code());
                        t.setString(2, x.name());
                        t.setString(3, x.description());
                        t.setInt(4, x.stateCode());
                        t.setString(5, x.stateCode() == 5 ? "Publicada" : x.stateCode() == 6 ? "Cerrada"
                                : x.stateCode() == 8 ? "Adjudicada" : x.stateCode() == 7 ? "Desierta" : "Revocada");
                        t.setString(6, x.type());
                        t.setString(7, x.region());
                        t.setString(8, x.buyer());
                        t.setLong(9, x.amount());
                        t.setString(10, Long.toString(x.amount()));
                        t.setLong(11, x.closesAt());
                        t.setLong(12, x.publishedAt());
                        t.executeUpdate();
                        it.setString(1, x.items());
                        it.setString(2, "");
                        it.setString(3, x.category());
                        it.setString(4, x.category());
                        it.executeUpdate();
                        if (++n % 20_000 == 0) {
                            c.commit();
                        }
                    }
                }
            }
            c.commit();
        }
        System.out.printf("loaded %,d tenders%n", n);
        return n;
    }

    interface Work {
        /** Runs the query; returns how many tenders it matched. */
        long run() throws Exception;
    }

    private static Figure measure(String engine, String query, int repetitions, long warmNanos, Work work)
            throws Exception {
        // warmed until the JIT has compiled the path (3 runs measured the compiler, not the search: #29's profile)
        long warm = System.nanoTime() + warmNanos;
        for (int i = 0; i < 3 || System.nanoTime() < warm; i++) {
            work.run();
        }
        double[] ms = new double[repetitions];
        long found = 0;
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            found = work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        Figure f = new Figure(engine, query, ms[repetitions / 2], ms[(int) Math.ceil(repetitions * 0.95) - 1], found);
        System.out.printf("%-10s %-12s p50 %8.1f ms   p95 %8.1f ms%n", engine, query, f.p50(), f.p95());
        return f;
    }

    /** Runs the top-20 query and the facet counts; returns the matches the counts add up to. */
    private static long sql(Connection c, String top, String counts, String... params) throws Exception {
        long found = 0;
        for (String q : new String[]{top, counts}) {
            try (PreparedStatement ps = c.prepareStatement(q)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (q == counts) {
                            found += rs.getLong(1);
                        } else {
                            rs.getString(1);
                        }
                    }
                }
            }
        }
        return found;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 2 ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("andesops-search");
        run(n, dir, args.length > 1 ? Integer.parseInt(args[1]) : 40);
    }
}
