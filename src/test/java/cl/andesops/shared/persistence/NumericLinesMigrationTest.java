package cl.andesops.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lines' money and quantities, kept as text before V19, become numbers in place on a database that already holds
 * them: nothing is lost (a quote's items survive their quote's table being copied, where a drop would cascade).
 */
class NumericLinesMigrationTest {

    @Test
    void text_amounts_become_numbers_and_every_row_is_kept() throws Exception {
        cl.andesops.testing.SqliteAtVersion db = new cl.andesops.testing.SqliteAtVersion("18");
        JdbcTemplate jdbc = db.jdbc;
        jdbc.update("INSERT INTO purchase_order (id, code, fetched_at) VALUES (1, '1-1-SE25', 1)");
        jdbc.update("INSERT INTO order_item (order_id, line, quantity, net_price, total) "
                + "VALUES (1, 1, '2', '87480000', '174960000.5')");
        jdbc.update("INSERT INTO tender (id, code, state_code, fetched_at) VALUES (1, '1-1-LE25', 6, 1), "
                + "(2, '1-2-LE25', 8, 1)");
        jdbc.update("INSERT INTO tender_offer (tender_id, line, supplier_code, unit_price, total) VALUES "
                + "(1, 1, 'A', '145800000', '145800000'), (1, 1, 'B', '87480000', '87480000')");
        jdbc.update("INSERT INTO tender_item (tender_id, line, quantity) VALUES (1, 1, '1')");
        jdbc.update("INSERT INTO tender_award (tender_id, line, quantity, unit_price) VALUES (2, 1, '3', '10.25')");
        jdbc.update("INSERT INTO ca_request (id, code, fetched_at) VALUES (1, '1-1-COT25', 1)");
        jdbc.update("INSERT INTO ca_product (request_id, line, quantity) VALUES (1, 1, '12')");
        jdbc.update("INSERT INTO ca_quote (request_id, quote_id, net_total, total, supplier_size, criterion) "
                + "VALUES (1, 7, '1000', '1190', 'MiPyme', 'Precio')");
        jdbc.update("INSERT INTO ca_quote_item (request_id, quote_id, line, quantity, unit_price, total) "
                + "VALUES (1, 7, 1, '12', '83.33', '1000')");

        db.migrate();

        assertThat(jdbc.queryForObject("SELECT typeof(quantity) || ' ' || typeof(net_price) || ' ' || typeof(total) "
                + "FROM order_item", String.class)).isEqualTo("integer integer real");
        assertThat(jdbc.queryForObject("SELECT supplier_code FROM tender_offer ORDER BY unit_price LIMIT 1",
                String.class)).as("ordered as numbers, not as text").isEqualTo("B");
        assertThat(jdbc.queryForObject("SELECT typeof(unit_price) FROM tender_award", String.class)).isEqualTo("real");
        assertThat(jdbc.queryForObject("SELECT typeof(quantity) FROM tender_item", String.class)).isEqualTo("integer");
        assertThat(jdbc.queryForObject("SELECT typeof(quantity) FROM ca_product", String.class)).isEqualTo("integer");
        assertThat(jdbc.queryForObject("SELECT total || ' ' || supplier_size || ' ' || criterion FROM ca_quote",
                String.class)).isEqualTo("1190 MiPyme Precio");
        assertThat(jdbc.queryForObject("SELECT unit_price * quantity FROM ca_quote_item", Double.class))
                .as("the quote's item survives its quote's table being copied").isEqualTo(999.96, 
                        org.assertj.core.data.Offset.offset(1e-9));
        jdbc.update("DELETE FROM ca_quote");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ca_quote_item", Integer.class))
                .as("and still goes with its quote").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pragma_index_list('tender_offer')", Integer.class))
                .as("the supplier index is back, beside the primary key's").isGreaterThanOrEqualTo(1);
    }
}
