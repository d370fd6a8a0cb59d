package cl.andesops.tenders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.persistence.Writer;
import cl.andesops.shared.search.ManagedIndex;
import cl.andesops.sync.SyncEngine;

/**
 * The one index lifecycle, on the tender index: it records the data version it reflects, catches up on what was
 * committed while it was closed (a missed event, a crash), rebuilds when it is ahead of the database, and is
 * stopped after the sync.
 */
@SpringBootTest(properties = "andesops.storage.data-dir=target/test-data/tender-index-lifecycle")
class TenderIndexLifecycleTest {

    static {
        org.springframework.util.FileSystemUtils.deleteRecursively(
                new java.io.File("target/test-data/tender-index-lifecycle"));
    }

    @Autowired TenderSearch search;
    @Autowired DataVersions versions;
    @Autowired @Qualifier(Writer.NAME) JdbcTemplate writer;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired @Qualifier("writerTx") org.springframework.transaction.support.TransactionTemplate tx;

    /** The version and its row commit together, as a writer does (a node seeing the one sees the other). */
    private long store(String code, String name) {
        return tx.execute(status -> {
            long version = versions.next(DataChanged.Dataset.TENDERS);
            writer.update("INSERT INTO tender (code, name, description, state_code, state, fetched_at, has_detail, "
                    + "version) VALUES (?, ?, '', 5, 'Publicada', 0, 1, ?)", code, name, version);
            return version;
        });
    }

    private static long committedVersion() throws java.io.IOException {
        try (var dir = org.apache.lucene.store.FSDirectory.open(
                java.nio.file.Path.of("target/test-data/tender-index-lifecycle/index/tenders"))) {
            return Long.parseLong(org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getUserData()
                    .get("version"));
        }
    }

    private List<String> found(String text) {
        return search.search(TenderQuery.text(text), 0, 50).hits().stream().map(TenderHit::code).toList();
    }

    @Test
    void catches_up_after_a_missed_commit_and_rebuilds_when_ahead_of_the_database() throws Exception {
        long v1 = store("LC-1-LE26", "Arriendo de retroexcavadora");
        events.publishEvent(new DataChanged(DataChanged.Dataset.TENDERS, DataChanged.UNKNOWN, List.of("LC-1-LE26"), List.of()));
        search.awaitIndexed();
        assertThat(found("retroexcavadora")).containsExactly("LC-1-LE26");
        assertThat(search.indexedVersion()).isEqualTo(v1);

        // searchable at once, made durable within seconds and at the latest as the index closes
        search.stop();
        assertThat(committedVersion()).isEqualTo(v1);

        // committed while the index was closed, and never announced: the next start catches up by version
        long v2 = store("LC-2-LE26", "Arriendo de motoniveladora");
        search.start();
        search.awaitIndexed();
        assertThat(found("motoniveladora")).containsExactly("LC-2-LE26");
        assertThat(search.indexedVersion()).isEqualTo(v2);

        // an index ahead of the database belongs to another one: it is built again from this database
        search.stop();
        writer.update("UPDATE data_version SET version = 1 WHERE dataset = 'tenders'");
        writer.update("DELETE FROM tender WHERE code = 'LC-1-LE26'");
        search.start();
        search.awaitIndexed();
        assertThat(found("retroexcavadora")).isEmpty();
        assertThat(found("motoniveladora")).containsExactly("LC-2-LE26");
        assertThat(search.indexedVersion()).isEqualTo(1);
    }

    @Test
    void the_sync_stops_before_every_index_and_the_monitor_columns(@Autowired ApplicationContext context,
                                                                      @Autowired SyncEngine sync) {
        // Spring stops the higher phase first
        List<SmartLifecycle> derived = context.getBeansOfType(SmartLifecycle.class).values().stream()
                .filter(b -> b instanceof ManagedIndex || b.getClass().getSimpleName().equals("ColumnLoader"))
                .toList();
        assertThat(derived).hasSizeGreaterThanOrEqualTo(4);
        assertThat(derived).allSatisfy(b -> assertThat(b.getPhase()).isLessThan(sync.getPhase()));
    }
}
