package cl.andesops.alerts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.AndesOpsApplication;
import cl.andesops.opendata.ImportService;
import cl.andesops.orders.MatchingBenchmark;
import cl.andesops.shared.I18n;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.events.Stamped;
import cl.andesops.shared.format.QueryValues;
import cl.andesops.shared.persistence.Writer;
import cl.andesops.tenders.TenderChanges;
import cl.andesops.tenders.TenderQuery;
import cl.andesops.tenders.TenderQueryCodec;
import cl.andesops.tenders.TenderSearch;

/**
 * The alerts' matching whole, as the follower runs it on a commit: 10,000 tender searches saved through the
 * Watchlist (200 keys of 50), stored in their address form, read a page at a time, decoded and run over the 500
 * tenders of one commit window; then the alerts written. Beside it, in the same run, the naive loop: each saved
 * search over the whole search index, its hits kept when in the window.
 * {@code java ... cl.andesops.alerts.AlertsBenchmark DIR [MONTHS] [ORDERS_PER_DAY] [SEARCHES]}
 */
public final class AlertsBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int months = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int perDay = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int searches = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        Files.createDirectories(dir);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AndesOpsApplication.class).run(
                "--andesops.storage.data-dir=" + dir, "--andesops.storage.database-url=",
                "--andesops.sync.enabled=false", "--server.port=0", "--andesops.opendata.history-months=" + months,
                "--andesops.simulator.orders-per-day=" + perDay,
                "--andesops.simulator.tenders-per-day=" + Math.max(20, perDay / 10),
                "--andesops.rules.sii-base-url=", "--ADMIN_PASSWORD=bench-admin-password",
                "--andesops.alerts.max-per-key=50", "--logging.level.root=WARN")) {
            ImportService imports = ctx.getBean(ImportService.class);
            while (true) {
                ImportService.Status s = imports.status();
                if (s.months().size() >= 3L * months && s.months().stream().allMatch(m -> m.state().equals("DONE")
                        || m.state().equals("MISSING") || m.state().equals("FAILED"))) {
                    break;
                }
                Thread.sleep(500);
            }
            TenderSearch tenderSearch = ctx.getBean(TenderSearch.class);
            tenderSearch.awaitIndexed();
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            JdbcTemplate writer = ctx.getBean(Writer.NAME, JdbcTemplate.class);
            Watchlist watchlist = ctx.getBean(Watchlist.class);
            List<TenderQuery> queries = MatchingBenchmark.tenderQueries(tenderSearch, jdbc, new Random(20261207),
                    searches);
            jdbc.sql("DELETE FROM alert_key").update();
            long t0 = System.nanoTime();
            AlertKey key = null;
            for (int i = 0; i < queries.size(); i++) {
                if (i % 50 == 0) {
                    key = watchlist.createKey(I18n.SPANISH).key();
                }
                watchlist.save(key, "s" + i, "/tenders?" + QueryValues.format(TenderQueryCodec.encode(queries.get(i))),
                        null, null, null);
            }
            double saving = (System.nanoTime() - t0) / 1e6;
            writer.update("UPDATE saved_search SET since_version = 0, created_at = 0");

            // the window: the last 500 tenders, as a commit of the sync would stamp them
            long current = jdbc.sql("SELECT max(version) FROM tender").query(Long.class).single();
            List<Stamped> rows = ctx.getBean(TenderChanges.class).stamped(0, current, 0, Integer.MAX_VALUE);
            Map<String, Stamped> window = new LinkedHashMap<>();
            for (Stamped r : rows.subList(Math.max(0, rows.size() - 500), rows.size())) {
                window.put(r.code(), new Stamped(r.id(), r.code(), r.name(), current, false, null, r.buyerCode()));
            }
            SearchMatching matching = ctx.getBean(SearchMatching.class);
            double[] runs = new double[5];
            List<AlertStore.New> found = List.of();
            for (int k = 0; k < runs.length; k++) {
                long s0 = System.nanoTime();
                found = matching.match(Dataset.TENDERS, window);
                runs[k] = (System.nanoTime() - s0) / 1e6;
            }
            Arrays.sort(runs);
            long w0 = System.nanoTime();
            AlertStore store = ctx.getBean(AlertStore.class);
            List<AlertStore.New> toWrite = found;
            int added = ctx.getBean(Writer.NAME + "Tx", org.springframework.transaction.support.TransactionTemplate.class)
                    .execute(s -> store.insert(toWrite, java.time.Instant.now()));
            double writing = (System.nanoTime() - w0) / 1e6;

            Set<String> inWindow = new HashSet<>(window.keySet());
            long n0 = System.nanoTime();
            long naive = 0;
            for (String q : jdbc.sql("SELECT query FROM saved_search").query(String.class).list()) {
                naive += tenderSearch.search(TenderQueryCodec.decode(QueryValues.parse(q)), 0, 10_000).hits().stream()
                        .filter(h -> inWindow.contains(h.code())).count();
            }
            double naiveMs = (System.nanoTime() - n0) / 1e6;
            System.out.printf("alerts: %,d saved searches (saved in %.0f ms) against a window of %,d tenders: matched "
                            + "in %.0f ms (median of 5), %,d alerts, written in %.0f ms (%,d rows); the naive loop "
                            + "(each search over the whole index) %.0f ms, %,d matches%n", queries.size(), saving,
                    window.size(), runs[2], found.size(), writing, added, naiveMs, naive);
        }
    }

    private AlertsBenchmark() {
    }
}
