package cl.andesops.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A month's purchase-order ZIP into the database, through the orders' writer: the real sample rows. */
@SpringBootTest(properties = "andesops.storage.data-dir=target/test-data/open-data-import")
class OpenDataImportTest {

    static {
        org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/open-data-import"));
    }

    @Autowired OpenDataImport importer;
    @Autowired JdbcClient jdbc;

    private static byte[] zipOfSample() throws Exception {
        return zipOf("oc-da-2026-6-head.csv", "2026-6.csv");
    }

    private static byte[] zipOf(String sample, String entry) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
             InputStream in = OpenDataImportTest.class.getResourceAsStream("/samples/open-data/" + sample)) {
            zip.putNextEntry(new ZipEntry(entry));
            in.transferTo(zip);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void the_sample_month_stores_every_order_with_its_items_once_however_often_it_is_imported() throws Exception {
        byte[] zip = zipOfSample();
        List<OpenDataImport.Outcome> first = importer.importOrders(new java.io.ByteArrayInputStream(zip), "2026-6.zip");
        assertThat(first).singleElement().satisfies(o -> {
            assertThat(o.rows()).isEqualTo(22);
            assertThat(o.records()).isEqualTo(10);
            assertThat(o.rejectedRows()).isEqualTo(1);
            assertThat(o.rejections().getFirst().file()).isEqualTo("2026-6.zip!2026-6.csv");
        });
        assertThat(count("SELECT count(*) FROM purchase_order WHERE has_detail = 1")).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM order_item")).isEqualTo(22);
        // the file's own peso amount, not a conversion at the app's reference rate
        assertThat(count("SELECT amount_clp FROM purchase_order WHERE code = '2667-1061-SE21'")).isEqualTo(618_646_465L);
        assertThat(jdbc.sql("SELECT currency || ' ' || total || ' ' || day || ' ' || buyer_code || ' ' || supplier_code "
                + "|| ' ' || tender_code FROM purchase_order WHERE code = '2667-1061-SE21'").query(String.class)
                .single()).isEqualTo("CLF 19977.72 20211227 98462 1353385 2667-58-LR21");
        assertThat(count("SELECT count(*) FROM order_item i JOIN purchase_order o ON o.id = i.order_id "
                + "WHERE o.code = '5520-6535-TD24'")).isEqualTo(10);
        // how each order came to be, as only the file says it: a direct award and the tenders' orders
        assertThat(jdbc.sql("SELECT origin || ' | ' || direct_award || ' | ' || compra_agil || ' | ' "
                + "|| coalesce(framework_code, '-') FROM purchase_order WHERE code = '5520-6535-TD24'")
                .query(String.class).single()).isEqualTo("Contratación con titulares de derecho de propiedad intelectual "
                        + "o industrial | 1 | 0 | -");
        assertThat(count("SELECT count(*) FROM purchase_order WHERE direct_award = 0 AND compra_agil = 0 "
                + "AND origin = 'Proveniente de licitación pública'")).isEqualTo(9);

        importer.importOrders(new java.io.ByteArrayInputStream(zip), "2026-6.zip");
        assertThat(count("SELECT count(*) FROM purchase_order")).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM order_item")).isEqualTo(22);
    }

    @Test
    void the_sample_tenders_store_every_offer_of_every_bidder() throws Exception {
        byte[] zip = zipOf("lic-da-2026-6-head.csv", "lic_2026-6.csv");
        List<OpenDataImport.Outcome> outcome = importer.importTenders(new java.io.ByteArrayInputStream(zip),
                "2026-6.zip");
        assertThat(outcome).singleElement().satisfies(o -> {
            assertThat(o.rows()).isEqualTo(13);
            assertThat(o.records()).isEqualTo(3);
            assertThat(o.rejectedRows()).as("the row the sample is cut in").isEqualTo(1);
        });
        assertThat(count("SELECT count(*) FROM tender WHERE code IN ('1057439-20-LP25', '1233623-41-LR25', "
                + "'1422825-771-LR25') AND has_detail = 1")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM tender_offer")).isEqualTo(13);
        assertThat(count("SELECT count(*) FROM tender_item i JOIN tender t ON t.id = i.tender_id "
                + "WHERE t.code = '1057439-20-LP25'")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT t.name || ' | ' || t.state_code || ' | ' || t.buyer_code || ' | ' || t.region || ' | '"
                + " || t.estimated_amount || ' | ' || t.bidders || ' | ' || t.complaints FROM tender t "
                + "WHERE t.code = '1057439-20-LP25'").query(String.class).single())
                .isEqualTo("CS BOMBAS Y BAJADAS DE NUTRICIÓN Y EQ ASOCIADO | 6 | 7312 | Región de Coquimbo | 130794120 | "
                        + "5 | 2778");
        // the second item drew three bidders; the cheapest asked 87.480.000 (stored as a number: as text,
        // "106920000" would sort first)
        assertThat(jdbc.sql("SELECT o.supplier_rut || ' ' || o.unit_price FROM tender_offer o JOIN tender t "
                + "ON t.id = o.tender_id WHERE t.code = '1057439-20-LP25' AND o.line = 2 ORDER BY "
                + "o.unit_price LIMIT 1").query(String.class).single()).isEqualTo("96.515.660-7 87480000");
        assertThat(jdbc.sql("SELECT sum(o.unit_price) FROM tender_offer o JOIN tender t ON t.id = o.tender_id "
                + "WHERE t.code = '1057439-20-LP25' AND o.line = 2").query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("340200000");
        // closed, not awarded: the file's FechaAdjudicacion (2026-09-07 on this one) is the estimated date
        assertThat(count("SELECT count(*) FROM tender WHERE code IN ('1057439-20-LP25', '1233623-41-LR25', "
                + "'1422825-771-LR25') AND awarded_at IS NULL AND est_award_at IS NOT NULL")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM tender_offer o JOIN tender t ON t.id = o.tender_id "
                + "WHERE t.code = '1057439-20-LP25' AND o.line = 2")).isEqualTo(3);

        // how it was called and judged, as only the file says it
        assertThat(jdbc.sql("SELECT open_call || ' | ' || time_extension || ' | ' || criteria FROM tender "
                + "WHERE code = '1233623-41-LR25'").query(String.class).single())
                .startsWith("1 | 0 | Visita a Terreno ; Precio ; Plazo de Entrega");

        importer.importTenders(new java.io.ByteArrayInputStream(zip), "2026-6.zip");
        assertThat(count("SELECT count(*) FROM tender_offer")).as("importing again changes nothing").isEqualTo(13);
    }

    @Test
    void the_sample_compra_agil_request_stores_its_products_and_every_quote() throws Exception {
        byte[] zip = zipOf("COT1_2026-06-head.csv", "COT1_2026-06.csv");
        List<OpenDataImport.Outcome> outcome = importer.importQuotes(new java.io.ByteArrayInputStream(zip),
                "COT_2026-06.zip");
        assertThat(outcome).singleElement().satisfies(o -> {
            assertThat(o.rows()).isEqualTo(27);
            assertThat(o.records()).isEqualTo(1);
            assertThat(o.rejectedRows()).isEqualTo(1);
        });
        assertThat(jdbc.sql("SELECT organism || ' | ' || unit_name || ' | ' || region || ' | ' || available_amount || ' | '"
                + " || delivery_days || ' | ' || order_code || ' | ' || offers_received FROM ca_request "
                + "WHERE code = '1079967-350-COT26'").query(String.class).single())
                .isEqualTo("DIRECCION DE LOGISTICA DE CARABINEROS | SECCIÓN COMPRAS ZONA DE CARABINEROS TARAPACA | "
                        + "Región de Tarapacá | 2189357 | 3 | 1079967-277-AG26 | 4");
        assertThat(count("SELECT count(*) FROM ca_quote q JOIN ca_request r ON r.id = q.request_id "
                + "WHERE r.code = '1079967-350-COT26'")).isEqualTo(4);
        assertThat(jdbc.sql("SELECT q.supplier_rut || ' ' || q.total FROM ca_quote q WHERE q.selected = 1")
                .query(String.class).single()).isEqualTo("78.167.575-K 2187559");
        // the supplier's size and the buyer's stated reason for its choice
        assertThat(jdbc.sql("SELECT q.supplier_size || ' | ' || q.criterion FROM ca_quote q WHERE q.selected = 1")
                .query(String.class).single()).isEqualTo("MiPyme | Plazos de entrega, el proveedor ofreció el plazo de "
                        + "entrega más conveniente.");
        assertThat(count("SELECT count(*) FROM ca_product")).isPositive();

        importer.importQuotes(new java.io.ByteArrayInputStream(zip), "COT_2026-06.zip");
        assertThat(count("SELECT count(*) FROM ca_quote")).as("importing again changes nothing").isEqualTo(4);
    }

    @Test
    void a_restarted_import_skips_the_rows_its_last_committed_batch_held() throws Exception {
        List<OpenDataFile.Row> rows = new java.util.ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/samples/open-data/oc-da-2026-6-head.csv");
             OpenDataFile f = new OpenDataFile(in, "oc", r -> { })) {
            f.forEach(rows::add);
        }
        long stoppedAt = rows.get(4).line();
        List<long[]> commits = new java.util.ArrayList<>();
        OpenDataImport.Checkpoint checkpoint = new OpenDataImport.Checkpoint() {
            @Override
            public long resumeAfter(String entry) {
                return entry.equals("2026-6.csv") ? stoppedAt : 0;
            }

            @Override
            public void committed(String entry, long line, long read, long records, long rejected) {
                commits.add(new long[]{line, read, records, rejected});
            }
        };
        List<OpenDataImport.Outcome> outcome = importer.importZip(Dataset.OC,
                new java.io.ByteArrayInputStream(zipOfSample()), "2026-6.zip", checkpoint);
        assertThat(outcome.getFirst().rows()).as("the first five rows were in already").isEqualTo(17);
        assertThat(commits.getLast()[0]).as("the entry is marked done").isEqualTo(Long.MAX_VALUE);
        assertThat(commits.getLast()[1]).isEqualTo(17);
        assertThat(commits.getLast()[3]).as("the cut row, once").isEqualTo(1);
    }

    @Autowired cl.andesops.orders.OrderWriter writer;
    @Autowired @org.springframework.beans.factory.annotation.Qualifier("writerTx")
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void an_order_the_api_gave_later_than_the_file_keeps_the_apis_version() throws Exception {
        List<OpenDataFile.Row> rows = new java.util.ArrayList<>();
        Columns c = sampleRows(rows);
        OpenDataFile.Row row = rows.stream().filter(r -> c.text(r, "code").equals("2667-1212-SE22")).findFirst()
                .orElseThrow();
        cl.andesops.mercadopublico.OrderDetail file = OrderRows.order(c, List.of(row)).detail();
        // the API's detail, fetched after the file was written: cancelled on 2026-07-01
        java.time.Instant later = java.time.LocalDate.of(2026, 7, 1).atStartOfDay(
                cl.andesops.shared.format.Formats.CHILE).toInstant();
        var api = new cl.andesops.mercadopublico.OrderDetail(file.code(), file.name(), file.description(), 9,
                "Cancelada", file.tenderCode(), file.typeCode(), file.type(), file.currency(),
                file.supplierStateCode(), file.supplierState(), file.createdAt(), file.sentAt(), file.acceptedAt(),
                later, later, file.rating(), file.discounts(), file.charges(), file.netTotal(), file.taxRate(),
                file.tax(), file.total(), file.funding(), file.dispatchType(), file.paymentTerms(), file.buyer(),
                file.supplier(), file.items());
        tx.executeWithoutResult(s -> writer.storeDetails(List.of(api)));

        importer.importOrders(new java.io.ByteArrayInputStream(zipOfSample()), "2026-6.zip");
        assertThat(jdbc.sql("SELECT state_code FROM purchase_order WHERE code = '2667-1212-SE22'").query(Integer.class)
                .single()).as("the file's older state does not overwrite the API's newer one").isEqualTo(9);
        String facts = "SELECT origin || ' | ' || direct_award || ' | ' || compra_agil || ' | ' "
                + "|| coalesce(framework_code, '-') FROM purchase_order WHERE code = '2667-1212-SE22'";
        String fromFile = jdbc.sql(facts).query(String.class).optional().orElse(null);
        assertThat(fromFile).as("what only the file says is stored on the API's newer copy too").isNotNull();
        // the file's copy wins where it is newer, and brings its facts with it; a later API detail keeps them
        tx.executeWithoutResult(s -> writer.storeDetails(List.of(api)));
        assertThat(jdbc.sql(facts).query(String.class).single()).isEqualTo(fromFile);
        jdbc.sql("UPDATE purchase_order SET origin = NULL, direct_award = NULL, compra_agil = NULL, "
                + "framework_code = NULL, modified_at = 0 WHERE code = '2667-1212-SE22'").update();
        importer.importOrders(new java.io.ByteArrayInputStream(zipOfSample()), "2026-6.zip");
        assertThat(jdbc.sql(facts).query(String.class).single()).isEqualTo(fromFile);
        assertThat(jdbc.sql("SELECT state_code FROM purchase_order WHERE code = '2667-1212-SE22'").query(Integer.class)
                .single()).as("the file's copy, newer now, is stored").isNotEqualTo(9);
    }

    @Test
    void the_files_sector_of_a_buyer_is_stored_and_an_api_detail_without_one_keeps_it() throws Exception {
        importer.importOrders(new java.io.ByteArrayInputStream(zipOfSample()), "2026-6.zip");
        String paillaco = "SELECT max(sector) FROM buyer WHERE organism_name = 'I MUNICIPALIDAD DE PAILLACO'";
        assertThat(jdbc.sql(paillaco).query(String.class).single()).isEqualTo("Municipalidades");
        List<OpenDataFile.Row> rows = new java.util.ArrayList<>();
        Columns c = sampleRows(rows);
        String code = rows.stream().filter(r -> "I MUNICIPALIDAD DE PAILLACO".equals(c.text(r, "organismName")))
                .findFirst().map(r -> c.text(r, "code")).orElseThrow();
        cl.andesops.mercadopublico.OrderDetail file = OrderRows.order(c, rows.stream()
                .filter(r -> code.equals(c.text(r, "code"))).toList()).detail();
        assertThat(file.buyer().sector()).isEqualTo("Municipalidades");
        var b = file.buyer();
        var fromApi = new cl.andesops.mercadopublico.BuyerInfo(b.organismCode(), b.organismName(), b.unitRut(),
                b.unitCode(), b.unitName(), b.address(), b.commune(), b.region());
        var api = new cl.andesops.mercadopublico.OrderDetail(file.code(), file.name(), file.description(),
                file.stateCode(), file.state(), file.tenderCode(), file.typeCode(), file.type(), file.currency(),
                file.supplierStateCode(), file.supplierState(), file.createdAt(), file.sentAt(), file.acceptedAt(),
                file.cancelledAt(), file.modifiedAt(), file.rating(), file.discounts(), file.charges(),
                file.netTotal(), file.taxRate(), file.tax(), file.total(), file.funding(), file.dispatchType(),
                file.paymentTerms(), fromApi, file.supplier(), file.items());
        tx.executeWithoutResult(s -> writer.storeDetails(List.of(api)));
        assertThat(jdbc.sql(paillaco).query(String.class).single()).as("the API gives no sector: the file's stays")
                .isEqualTo("Municipalidades");
    }

    /** Reads the sample month's rows into {@code rows}; its columns. */
    private Columns sampleRows(List<OpenDataFile.Row> rows) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/samples/open-data/oc-da-2026-6-head.csv");
             OpenDataFile f = new OpenDataFile(in, "oc", r -> { })) {
            Columns c = new Columns("oc", f.header(), OrderRows.COLUMNS);
            f.forEach(rows::add);
            return c;
        }
    }

    /** A checkpoint that only says when the file's information stood. */
    private static OpenDataImport.Checkpoint asOf(java.time.Instant at) {
        return new OpenDataImport.Checkpoint() {
            @Override
            public long resumeAfter(String entry) {
                return 0;
            }

            @Override
            public void committed(String entry, long line, long rows, long records, long rejected) {
            }

            @Override
            public java.time.Instant asOf() {
                return at;
            }
        };
    }

    @Test
    void a_tender_or_request_fetched_after_the_file_was_written_keeps_what_was_fetched() throws Exception {
        java.time.Instant written = java.time.Instant.parse("2026-07-01T04:00:00Z");
        byte[] tenders = zipOf("lic-da-2026-6-head.csv", "lic_2026-6.csv");
        byte[] quotes = zipOf("COT1_2026-06-head.csv", "COT1_2026-06.csv");
        importer.importZip(Dataset.LIC, new java.io.ByteArrayInputStream(tenders), "2026-6.zip", asOf(written));
        importer.importZip(Dataset.COT, new java.io.ByteArrayInputStream(quotes), "COT_2026-06.zip", asOf(written));
        // the API fetched both later and found them changed
        jdbc.sql("UPDATE tender SET name = 'según la API', fetched_at = :t WHERE code = '1057439-20-LP25'")
                .param("t", written.plusSeconds(86_400).toEpochMilli()).update();
        jdbc.sql("UPDATE ca_request SET name = 'según la API', fetched_at = :t WHERE code = '1079967-350-COT26'")
                .param("t", written.plusSeconds(86_400).toEpochMilli()).update();
        long tenderVersion = count("SELECT version FROM tender WHERE code = '1057439-20-LP25'");

        // the same file again, and a file older than the API's fetch: nothing changes
        importer.importZip(Dataset.LIC, new java.io.ByteArrayInputStream(tenders), "2026-6.zip", asOf(written));
        importer.importZip(Dataset.COT, new java.io.ByteArrayInputStream(quotes), "COT_2026-06.zip", asOf(written));
        assertThat(jdbc.sql("SELECT name FROM tender WHERE code = '1057439-20-LP25'").query(String.class).single())
                .isEqualTo("según la API");
        assertThat(count("SELECT version FROM tender WHERE code = '1057439-20-LP25'")).isEqualTo(tenderVersion);
        assertThat(jdbc.sql("SELECT name FROM ca_request WHERE code = '1079967-350-COT26'").query(String.class)
                .single()).isEqualTo("según la API");

        // ChileCompra rewrote the month after that: the newer file wins
        java.time.Instant rewritten = written.plusSeconds(2 * 86_400);
        importer.importZip(Dataset.LIC, new java.io.ByteArrayInputStream(tenders), "2026-6.zip", asOf(rewritten));
        importer.importZip(Dataset.COT, new java.io.ByteArrayInputStream(quotes), "COT_2026-06.zip",
                asOf(rewritten));
        assertThat(jdbc.sql("SELECT name FROM tender WHERE code = '1057439-20-LP25'").query(String.class).single())
                .isEqualTo("CS BOMBAS Y BAJADAS DE NUTRICIÓN Y EQ ASOCIADO");
        assertThat(jdbc.sql("SELECT name FROM ca_request WHERE code = '1079967-350-COT26'").query(String.class)
                .single()).isNotEqualTo("según la API");
        assertThat(count("SELECT fetched_at FROM tender WHERE code = '1057439-20-LP25'"))
                .isEqualTo(rewritten.toEpochMilli());
    }

    @Autowired cl.andesops.shared.persistence.SqliteMaintenance maintenance;

    @Test
    void the_write_ahead_log_is_checkpointed_and_cut_back_to_its_limit() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(cl.andesops.testing.PostgresTestDatabase.server() == null,
                "SQLite's write-ahead log");
        assertThat(jdbc.sql("PRAGMA journal_size_limit").query(Long.class).single()).isEqualTo(64L * 1024 * 1024);
        importer.importOrders(new java.io.ByteArrayInputStream(zipOfSample()), "2026-6.zip");
        long left = maintenance.checkpoint();
        assertThat(left).isBetween(0L, 64L * 1024 * 1024);
    }

    @Autowired @org.springframework.beans.factory.annotation.Qualifier(cl.andesops.shared.persistence.Writer.NAME)
    org.springframework.jdbc.core.JdbcTemplate writerJdbc;

    @Test
    void the_writer_leaves_checkpoints_to_the_maintenance_thread() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(cl.andesops.testing.PostgresTestDatabase.server() == null,
                "SQLite's write-ahead log");
        // the writer's own commits checkpoint only past 64 MiB of log, as a backstop
        assertThat(writerJdbc.queryForObject("PRAGMA wal_autocheckpoint", Long.class)).isEqualTo(16_384L);
        importer.importOrders(new java.io.ByteArrayInputStream(zipOfSample()), "2026-6.zip");
        assertThat(maintenance.checkpointPast(Long.MAX_VALUE)).isFalse(); // a log under the size is left alone
        assertThat(maintenance.checkpointPast(0)).isTrue();
    }

    @Test
    void a_file_cut_in_the_middle_stops_its_import_with_the_reading_error() {
        byte[] zip = org.junit.jupiter.api.Assertions.assertDoesNotThrow(OpenDataImportTest::zipOfSample);
        byte[] cut = java.util.Arrays.copyOf(zip, zip.length / 2);
        // read on a thread of its own: the error reaches the caller, neither thread waits for the other
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () ->
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importOrders(
                        new java.io.ByteArrayInputStream(cut), "2026-6.zip")).isInstanceOf(java.io.IOException.class)
                        .hasMessageContaining("ZIP incompleto o dañado")
                        .hasRootCauseInstanceOf(java.io.EOFException.class));
    }

    @Test
    void rows_of_one_code_past_a_records_bound_are_rejected_as_they_come_and_the_next_record_goes_in()
            throws Exception {
        // the sample's first order written 25,000 times over, then its second order: a record no real file has
        List<String[]> sample = new java.util.ArrayList<>();
        List<String> header;
        try (InputStream in = getClass().getResourceAsStream("/samples/open-data/oc-da-2026-6-head.csv");
             OpenDataFile f = new OpenDataFile(in, "sample", r -> { })) {
            header = f.header();
            f.forEach(r -> sample.add(r.fields()));
        }
        java.util.function.Function<java.util.Collection<String>, String> line = fields -> fields.stream()
                .map(v -> "\"" + v.replace("\"", "\"\"") + "\"").collect(java.util.stream.Collectors.joining(";"))
                + "\r\n";
        String first = line.apply(List.of(sample.getFirst()));
        String firstCode = sample.getFirst()[header.indexOf("Codigo")];
        String[] other = sample.stream().filter(r -> !r[header.indexOf("Codigo")].equals(firstCode)).findFirst()
                .orElseThrow();
        StringBuilder csv = new StringBuilder(line.apply(header));
        csv.append(first.repeat(25_000)).append(line.apply(List.of(other)));
        OpenDataImport.Outcome o = importer.importCsv(Dataset.OC, new java.io.ByteArrayInputStream(
                        csv.toString().getBytes(OpenDataFile.CP1252)), "2026-6.zip!2026-6.csv", "2026-6.csv",
                OpenDataImport.Checkpoint.NONE);
        assertThat(o.rows()).isEqualTo(25_001);
        assertThat(o.rejectedRows()).isEqualTo(25_000);
        assertThat(o.rejections()).hasSize(OpenDataImport.REJECTIONS_KEPT).allSatisfy(r -> assertThat(r.reason())
                .contains(firstCode).contains("más de 20000 filas"));
        assertThat(o.records()).as("the order after it").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM purchase_order WHERE code = '" + other[header.indexOf("Codigo")]
                + "' AND has_detail = 1")).isEqualTo(1);
    }
}
