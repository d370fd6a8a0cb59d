package cl.andesops.testing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.shared.search.ManagedIndex;
import cl.andesops.sync.SyncEngine;

/**
 * For tests that compare a search index with the database in the synced test app: a search index follows commits
 * just after them, so with the sync running it can be a commit behind the rows read. The sync is paused, a step under
 * way lets commit, and the index catches up; the caller resumes the sync after.
 */
public final class StillData {

    private StillData() {
    }

    public static void pause(SyncEngine engine, ManagedIndex... indexes) throws InterruptedException {
        engine.pause();
        Thread.sleep(500); // a step under way commits
        for (ManagedIndex index : indexes) {
            index.awaitIndexed();
        }
    }

    /** The words of four letters or more in the texts the query reads: what a person would search for. */
    public static List<String> words(JdbcClient jdbc, String sql) {
        List<String> out = new ArrayList<>();
        for (String text : jdbc.sql(sql).query(String.class).list()) {
            for (String w : text.split("[^\\p{L}\\p{N}]+")) {
                if (w.length() >= 4) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
