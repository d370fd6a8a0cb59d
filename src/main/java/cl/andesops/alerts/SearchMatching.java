package cl.andesops.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.alerts.Alert.Event;
import cl.andesops.compraagil.CompraAgilAddress;
import cl.andesops.compraagil.CompraAgilMatcher;
import cl.andesops.orders.OrderFilterCodec;
import cl.andesops.orders.OrderMatcher;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.events.Stamped;
import cl.andesops.shared.format.QueryValues;
import cl.andesops.tenders.TenderMatcher;
import cl.andesops.tenders.TenderQueryCodec;

/**
 * Which saved searches the records of one commit window enter: the records are indexed once by their dataset's
 * matcher (the screen's meaning, its text through the same analysis), then every saved search of the dataset, read a
 * page at a time, is run over them. A record alerts a search once, when stamped after the search was saved and news
 * to it ({@link Fresh}).
 */
@Component
class SearchMatching {

    static final int SEARCH_PAGE = 1_000;

    private final JdbcClient read;
    private final TenderMatcher tenders;
    private final OrderMatcher orders;
    private final CompraAgilMatcher compraAgil;
    private final Clock clock;

    SearchMatching(JdbcClient read, TenderMatcher tenders, OrderMatcher orders, CompraAgilMatcher compraAgil,
                   Clock clock) {
        this.read = read;
        this.tenders = tenders;
        this.orders = orders;
        this.compraAgil = compraAgil;
        this.clock = clock;
    }

    /** The oldest version any search of the dataset alerts after, or empty when it has none. */
    java.util.OptionalLong since(Dataset d) {
        Long v = read.sql("SELECT min(since_version) FROM saved_search WHERE dataset = :d").param("d", d.name())
                .query(Long.class).optional().orElse(null);
        return v == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(v);
    }

    /** The alerts these records make, over every saved search of their dataset. */
    List<AlertStore.New> match(Dataset d, Map<String, Stamped> records) {
        List<AlertStore.New> out = new ArrayList<>();
        if (records.isEmpty()) {
            return out;
        }
        long newest = records.values().stream().mapToLong(Stamped::version).max().orElse(0);
        Instant now = clock.instant();
        try (Batch batch = batch(d, records.keySet())) {
            String after = "";
            while (true) {
                List<SavedSearch> page = read.sql("""
                                SELECT * FROM saved_search WHERE dataset = :d AND id > :after AND since_version < :v
                                ORDER BY id LIMIT :n""")
                        .param("d", d.name()).param("after", after).param("v", newest).param("n", SEARCH_PAGE)
                        .query(Searches.ROW).list();
                for (SavedSearch s : page) {
                    for (String code : batch.matching(s.query(), now)) {
                        Stamped c = records.get(code);
                        if (c != null && c.version() > s.sinceVersion() && !c.fromFiles()
                                && Fresh.forSince(c, s.createdAt())) {
                            out.add(new AlertStore.New(s.keyId(), s.id(), null, d, code, c.name(), Event.NEW,
                                    List.of(), c.version(), s.mail() == SavedSearch.Mail.ON
                                    || s.mail() == SavedSearch.Mail.PENDING));
                        }
                    }
                }
                if (page.size() < SEARCH_PAGE) {
                    return out;
                }
                after = page.getLast().id();
            }
        }
    }

    /** One commit window's records, indexed once, matched against any number of stored queries. */
    interface Batch extends AutoCloseable {
        Set<String> matching(String query, Instant now);

        @Override
        void close();
    }

    /** The records of a window, each distinct stored query run once (searches are often saved alike). */
    Batch batch(Dataset d, Set<String> codes) {
        Batch each = eachQuery(d, codes);
        java.util.Map<String, Set<String>> seen = new java.util.HashMap<>();
        return new Batch() {
            public Set<String> matching(String q, Instant now) {
                return seen.computeIfAbsent(q, k -> each.matching(k, now));
            }

            public void close() {
                each.close();
            }
        };
    }

    private Batch eachQuery(Dataset d, Set<String> codes) {
        return switch (d) {
            case TENDERS -> {
                var b = tenders.batch(codes);
                yield new Batch() {
                    public Set<String> matching(String q, Instant now) {
                        return b.matching(TenderQueryCodec.decode(QueryValues.parse(q)));
                    }

                    public void close() {
                        b.close();
                    }
                };
            }
            case ORDERS -> {
                var b = orders.batch(codes);
                yield new Batch() {
                    public Set<String> matching(String q, Instant now) {
                        return b.matching(OrderFilterCodec.decode(QueryValues.parse(q)));
                    }

                    public void close() {
                        b.close();
                    }
                };
            }
            case COMPRA_AGIL -> {
                var b = compraAgil.batch(codes);
                yield new Batch() {
                    public Set<String> matching(String q, Instant now) {
                        return b.matching(CompraAgilAddress.decode(QueryValues.parse(q)).filter(now));
                    }

                    public void close() {
                        b.close();
                    }
                };
            }
        };
    }

    /** Saved searches read by SQL (pages of them), mapped as the aggregate. */
    static final class Searches {
        static final org.springframework.jdbc.core.RowMapper<SavedSearch> ROW = (rs, n) -> {
            long digest = rs.getLong("last_digest_at");
            boolean none = rs.wasNull();
            return new SavedSearch(rs.getString("id"), rs.getString("key_id"), rs.getString("name"),
                    Dataset.valueOf(rs.getString("dataset")), rs.getString("query"), rs.getString("feed_token"),
                    rs.getString("address_id"), SavedSearch.Mail.valueOf(rs.getString("mail")),
                    SavedSearch.Digest.valueOf(rs.getString("digest")), rs.getInt("digest_hour"),
                    none ? null : Instant.ofEpochMilli(digest), Instant.ofEpochMilli(rs.getLong("created_at")),
                    rs.getLong("since_version"));
        };

        private Searches() {
        }
    }
}
