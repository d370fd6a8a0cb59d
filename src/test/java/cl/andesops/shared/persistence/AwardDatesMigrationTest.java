package cl.andesops.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A tender stored before V20 with its estimated award date as the award's has it moved to the estimate. */
class AwardDatesMigrationTest {

    @Test
    void a_tender_not_awarded_keeps_its_date_as_the_estimate_and_an_awarded_one_keeps_both() throws Exception {
        cl.andesops.testing.SqliteAtVersion db = new cl.andesops.testing.SqliteAtVersion("19");
        JdbcTemplate jdbc = db.jdbc;
        jdbc.update("INSERT INTO tender (id, code, state_code, awarded_at, est_award_at, fetched_at) VALUES "
                + "(1, '1-1-LE25', 6, 1000, NULL, 1), (2, '1-2-LE25', 8, 2000, 1500, 1), "
                + "(3, '1-3-LE25', 5, 3000, 2500, 1)");

        db.migrate();

        assertThat(jdbc.queryForObject("SELECT coalesce(awarded_at, -1) || ' ' || est_award_at FROM tender "
                + "WHERE id = 1", String.class)).as("closed, not awarded: the date was the estimate")
                .isEqualTo("-1 1000");
        assertThat(jdbc.queryForObject("SELECT awarded_at || ' ' || est_award_at FROM tender WHERE id = 2",
                String.class)).as("awarded: both are real").isEqualTo("2000 1500");
        assertThat(jdbc.queryForObject("SELECT coalesce(awarded_at, -1) || ' ' || est_award_at FROM tender "
                + "WHERE id = 3", String.class)).as("an estimate already given is kept").isEqualTo("-1 2500");
    }
}
