package cl.andesops.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The months imported before the files' extra columns were read are read again, from their first line and without a
 * conditional download, with nobody asking: the migration that adds the columns queues them.
 */
class FileFactsMigrationTest {

    @Test
    void a_month_done_before_the_new_columns_is_queued_again_from_its_start_and_a_failed_one_is_left() throws Exception {
        cl.andesops.testing.SqliteAtVersion db = new cl.andesops.testing.SqliteAtVersion("16");
        JdbcTemplate jdbc = db.jdbc;
        jdbc.update("INSERT INTO import_file (dataset, month, state, etag, last_modified, resume_entry, resume_line, "
                + "attempts, queued_at) VALUES ('oc', '2026-05', 'DONE', 'abc', 'Mon', '2026-5.csv', 437000, 1, 1)");
        jdbc.update("INSERT INTO import_file (dataset, month, state, attempts, queued_at) "
                + "VALUES ('lic', '2026-05', 'FAILED', 3, 1)");

        db.migrate();

        assertThat(jdbc.queryForObject("SELECT state || ' ' || resume_line || ' ' || coalesce(etag, '-') || ' ' "
                + "|| coalesce(resume_entry, '-') || ' ' || attempts FROM import_file WHERE dataset = 'oc'",
                String.class)).isEqualTo("QUEUED 0 - - 0");
        assertThat(jdbc.queryForObject("SELECT state FROM import_file WHERE dataset = 'lic'", String.class))
                .isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pragma_table_info('purchase_order') WHERE name IN "
                + "('origin', 'direct_award', 'compra_agil', 'framework_code')", Integer.class)).isEqualTo(4);
    }
}
