package cl.andesops.orders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.AndesOpsApplication;
import cl.andesops.opendata.ImportService;
import cl.andesops.tenders.TenderMatcher;
import cl.andesops.tenders.TenderQuery;
import cl.andesops.tenders.TenderResults;
import cl.andesops.tenders.TenderSearch;

/**
 * Saved searches against a commit: 10,000 order filters and 10,000 tender searches, of the kinds people save (a rubro,
 * a region, a buyer, an amount, a word or two), matched against the 500 records of one commit, by the matchers (the
 * records read once and indexed in memory) and, as the baseline of the same run, by the naive loop (each filter's own
 * query against the database or the whole search index, restricted to the commit). Months of simulated history are
 * imported first. {@code java ... cl.andesops.orders.MatchingBenchmark DIR [MONTHS] [ORDERS_PER_DAY] [SEARCHES]}
 */
public final class MatchingBenchmark {

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
                "--logging.level.root=WARN")) {
            ImportService imports = ctx.getBean(ImportService.class);
            while (true) {
                ImportService.Status s = imports.status();
                if (s.months().size() >= 3L * months && s.months().stream().allMatch(m -> m.state().equals("DONE")
                        || m.state().equals("MISSING") || m.state().equals("FAILED"))) {
                    break;
                }
                Thread.sleep(500);
            }
            OrderTextIndex orderText = ctx.getBean(OrderTextIndex.class);
            TenderSearch tenderSearch = ctx.getBean(TenderSearch.class);
            orderText.awaitIndexed();
            tenderSearch.awaitIndexed();
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            Random r = new Random(20261207);

            // orders: the last 500 detailed orders are the commit
            List<String> commit = jdbc.sql("SELECT code FROM purchase_order WHERE has_detail = 1 ORDER BY id DESC "
                    + "LIMIT 500").query(String.class).list();
            List<OrderFilter> filters = orderFilters(jdbc, r, searches);
            OrderMatcher matcher = ctx.getBean(OrderMatcher.class);
            OrderQueries queries = ctx.getBean(OrderQueries.class);
            long matched = 0;
            double[] fast = new double[5];
            for (int k = 0; k < fast.length; k++) {
                long t0 = System.nanoTime();
                matched = 0;
                try (OrderMatcher.Batch batch = matcher.batch(commit)) {
                    for (OrderFilter f : filters) {
                        matched += batch.matching(f).size();
                    }
                }
                fast[k] = (System.nanoTime() - t0) / 1e6;
            }
            long t0 = System.nanoTime();
            long naiveMatched = 0;
            for (OrderFilter f : filters) {
                OrderQueries.Where w = queries.where(f).and("po.code IN (:commit)", "commit", commit);
                naiveMatched += w.bind(jdbc.sql("SELECT count(*) FROM purchase_order po" + w.sql)).query(Long.class)
                        .single();
            }
            double naive = (System.nanoTime() - t0) / 1e6;
            Arrays.sort(fast);
            System.out.printf("orders: %,d filters (%,d distinct) against a commit of %,d orders: matcher %.0f ms "
                            + "(median of 5), %,d matches; the naive loop (one query each) %.0f ms, %,d matches%n",
                    filters.size(), new HashSet<>(filters).size(), commit.size(), fast[2], matched, naive,
                    naiveMatched);

            // tenders: the last 500 tenders are the commit
            List<String> tenderCommit = jdbc.sql("SELECT code FROM tender ORDER BY id DESC LIMIT 500")
                    .query(String.class).list();
            List<TenderQuery> tenderQueries = tenderQueries(tenderSearch, jdbc, r, searches);
            TenderMatcher tenderMatcher = ctx.getBean(TenderMatcher.class);
            double[] tfast = new double[5];
            long tmatched = 0;
            for (int k = 0; k < tfast.length; k++) {
                long s0 = System.nanoTime();
                tmatched = 0;
                try (TenderMatcher.Batch batch = tenderMatcher.batch(tenderCommit)) {
                    for (TenderQuery q : tenderQueries) {
                        tmatched += batch.matching(q).size();
                    }
                }
                tfast[k] = (System.nanoTime() - s0) / 1e6;
            }
            Arrays.sort(tfast);
            Set<String> inCommit = new HashSet<>(tenderCommit);
            long s0 = System.nanoTime();
            long tnaive = 0;
            for (TenderQuery q : tenderQueries) {
                // the naive loop: the search over the whole index, its hits kept when in the commit
                tnaive += tenderSearch.search(q, 0, 10_000).hits().stream().filter(h -> inCommit.contains(h.code()))
                        .count();
            }
            double tnaiveMs = (System.nanoTime() - s0) / 1e6;
            System.out.printf("tenders: %,d searches (%,d distinct) against a commit of %,d tenders: matcher %.0f ms "
                            + "(median of 5), %,d matches; the naive loop (each search over the whole index) %.0f ms, "
                            + "%,d matches%n", tenderQueries.size(), new HashSet<>(tenderQueries).size(),
                    tenderCommit.size(), tfast[2], tmatched, tnaiveMs, tnaive);
        }
    }

    /** Filters as people save them: mostly a rubro or a region with something else, some words, some buyers. */
    static List<OrderFilter> orderFilters(JdbcClient jdbc, Random r, int n) {
        List<String> categories = distinct(jdbc, "category_code");
        List<String> regions = distinct(jdbc, "region");
        List<String> buyers = distinct(jdbc, "buyer_code");
        List<String> words = words(jdbc, "SELECT name FROM purchase_order WHERE name IS NOT NULL LIMIT 2000");
        List<OrderFilter> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OrderFilter f = OrderFilter.none();
            switch (r.nextInt(5)) {
                case 0 -> f = f.withCategories(Set.of(pick(r, categories)));
                case 1 -> f = f.withCategories(Set.of(pick(r, categories))).withRegion(pick(r, regions));
                case 2 -> f = f.withText(pick(r, words));
                case 3 -> f = f.withBuyer(pick(r, buyers));
                default -> f = f.withRegion(pick(r, regions)).withAmount((long) r.nextInt(5_000_000), null);
            }
            if (r.nextInt(4) == 0) {
                f = f.withText(pick(r, words) + " " + pick(r, words));
            }
            out.add(f);
        }
        return out;
    }

    public static List<TenderQuery> tenderQueries(TenderSearch search, JdbcClient jdbc, Random r, int n) {
        TenderResults all = search.search(TenderQuery.text(""), 0, 1);
        List<String> categories = all.facets().getOrDefault("category", List.of()).stream()
                .map(TenderResults.FacetCount::value).toList();
        List<String> regions = all.facets().getOrDefault("region", List.of()).stream()
                .map(TenderResults.FacetCount::value).toList();
        List<String> words = words(jdbc, "SELECT name FROM tender WHERE name IS NOT NULL LIMIT 2000");
        List<TenderQuery> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = r.nextInt(2) == 0 ? pick(r, words) : "";
            Set<String> category = r.nextInt(2) == 0 || text.isEmpty() ? Set.of(pick(r, categories)) : Set.of();
            Set<String> region = r.nextInt(3) == 0 ? Set.of(pick(r, regions)) : Set.of();
            out.add(new TenderQuery(text, Set.of(), Set.of(), region, Set.of(), category,
                    r.nextInt(4) == 0 ? "week" : null, null, TenderQuery.Order.RELEVANCE));
        }
        return out;
    }

    private static List<String> distinct(JdbcClient jdbc, String column) {
        return jdbc.sql("SELECT DISTINCT " + column + " FROM purchase_order WHERE " + column + " IS NOT NULL")
                .query(String.class).list();
    }

    private static List<String> words(JdbcClient jdbc, String sql) {
        List<String> out = new ArrayList<>();
        for (String name : jdbc.sql(sql).query(String.class).list()) {
            for (String w : name.split("[^\\p{L}\\p{N}]+")) {
                if (w.length() >= 5) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private MatchingBenchmark() {
    }
}
