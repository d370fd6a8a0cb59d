package cl.andesops.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The history import end to end against a local stand-in of ChileCompra's file host: download (cut in the middle and
 * resumed with Range), import, re-import answered 304, a month that does not exist, and the rejected rows kept; and
 * a host that misbehaves: a poisoned month, a stalled body, a process that died in the middle, an {@link Error}.
 */
@SpringBootTest(properties = "andesops.storage.data-dir=target/test-data/import-service")
class ImportServiceTest {

    static {
        org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/import-service"));
    }

    static final String ETAG = "\"0x8DE0A1B2C3D4E5F\"";
    static final List<String> requests = new CopyOnWriteArrayList<>();
    static final AtomicBoolean cutNext = new AtomicBoolean(true);
    static final byte[] ZIP = zip();
    /** A quote opened and never closed, then 50 MB of text: 50 KB zipped. */
    static final byte[] POISONED = poisoned();
    static final HttpServer server = start();

    static byte[] poisoned() {
        try (InputStream in = ImportServiceTest.class.getResourceAsStream("/samples/open-data/oc-da-2026-6-head.csv")) {
            String header = new String(in.readAllBytes(), OpenDataFile.CP1252).lines().findFirst().orElseThrow();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("2026-3.csv"));
                zip.write((header + "\r\n\"").getBytes(OpenDataFile.CP1252));
                byte[] text = new byte[1 << 20];
                java.util.Arrays.fill(text, (byte) 'x');
                for (int i = 0; i < 50; i++) {
                    zip.write(text);
                }
            }
            return bytes.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] zip() {
        try (InputStream in = ImportServiceTest.class.getResourceAsStream("/samples/open-data/oc-da-2026-6-head.csv")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("2026-6.csv"));
                in.transferTo(zip);
                // stored bigger than the cut, so the first download is really cut in the middle
                zip.putNextEntry(new ZipEntry("LEEME.txt"));
                zip.write(new byte[64_000]);
            }
            return bytes.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()); // a stall holds one
            s.createContext("/", ex -> {
                String path = ex.getRequestURI().getPath();
                String range = ex.getRequestHeaders().getFirst("Range");
                String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
                requests.add(path + (range == null ? "" : " " + range) + (ifNoneMatch == null ? "" : " if-none-match"));
                if (path.equals("/oc-da/2026-5.zip")) {
                    byte[] garbage = "<html>Mantención programada</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("ETag", "\"garbage\"");
                    ex.sendResponseHeaders(200, garbage.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(garbage);
                    }
                    return;
                }
                if (path.equals("/oc-da/2026-3.zip")) {
                    ex.getResponseHeaders().add("ETag", "\"poisoned\"");
                    ex.sendResponseHeaders(200, POISONED.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(POISONED);
                    }
                    return;
                }
                if (path.equals("/oc-da/2026-2.zip") || path.equals("/oc-da/2025-11.zip")) {
                    ex.getResponseHeaders().add("ETag", "\"good\"");
                    ex.sendResponseHeaders(200, ZIP.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(ZIP);
                    }
                    return;
                }
                if (path.equals("/oc-da/2026-1.zip")) {
                    // the headers and 4 KB of the body, then nothing for a minute
                    ex.getResponseHeaders().add("ETag", "\"stalled\"");
                    ex.sendResponseHeaders(200, ZIP.length);
                    OutputStream out = ex.getResponseBody();
                    out.write(ZIP, 0, 4_096);
                    out.flush();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ex.close();
                    return;
                }
                if (!path.equals("/oc-da/2026-6.zip")) {
                    ex.sendResponseHeaders(404, -1);
                    ex.close();
                    return;
                }
                ex.getResponseHeaders().add("ETag", ETAG);
                ex.getResponseHeaders().add("Last-Modified", "Tue, 07 Jul 2026 04:12:00 GMT");
                if (ETAG.equals(ifNoneMatch)) {
                    ex.sendResponseHeaders(304, -1);
                    ex.close();
                    return;
                }
                int from = 0;
                if (range != null && ETAG.equals(ex.getRequestHeaders().getFirst("If-Range"))) {
                    from = Integer.parseInt(range.replaceAll("\\D*(\\d+)-.*", "$1"));
                }
                ex.sendResponseHeaders(from > 0 ? 206 : 200, ZIP.length - from);
                try (OutputStream out = ex.getResponseBody()) {
                    if (from == 0 && cutNext.getAndSet(false)) {
                        out.write(ZIP, 0, ZIP.length / 2);
                        out.flush();
                        ex.getHttpContext().getServer(); // the connection drops with half the body sent
                        throw new java.io.IOException("cut on purpose");
                    }
                    out.write(ZIP, from, ZIP.length - from);
                }
            });
            s.start();
            return s;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void host(DynamicPropertyRegistry registry) {
        registry.add("andesops.opendata.base-url", () -> "http://127.0.0.1:" + server.getAddress().getPort());
        registry.add("andesops.opendata.timeout", () -> "2s");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @org.springframework.test.context.bean.override.mockito.MockitoSpyBean OpenDataImport importer;
    /** Kept through the tests: the first month any of them works lands on the empty table. */
    @org.springframework.test.context.bean.override.mockito.MockitoSpyBean(
            reset = org.springframework.test.context.bean.override.mockito.MockReset.NONE)
    cl.andesops.shared.persistence.SuspendedIndexes suspended;
    @Autowired cl.andesops.orders.OrderTextIndex text;
    @Autowired ImportService imports;
    @Autowired JdbcClient jdbc;
    @Autowired cl.andesops.shared.persistence.SqlDialect dialect;

    private ImportService.Month month(String dataset, String month) {
        return imports.status().months().stream().filter(m -> m.dataset().equals(dataset) && m.month().equals(month))
                .findFirst().orElseThrow();
    }

    @Test
    void a_month_is_downloaded_resumed_after_a_cut_imported_then_found_unchanged() {
        assertThat(imports.enqueue(Dataset.OC, YearMonth.of(2026, 6), YearMonth.of(2026, 6))).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> month("oc", "2026-06").state().equals("DONE"));
        ImportService.Month done = month("oc", "2026-06");
        assertThat(done.records()).isEqualTo(10);
        assertThat(done.rows()).isEqualTo(22);
        assertThat(done.rejected()).isEqualTo(1);
        assertThat(done.etag()).isEqualTo(ETAG);
        assertThat(requests).as("the cut download was resumed where it stopped, not started over")
                .anyMatch(r -> r.startsWith("/oc-da/2026-6.zip bytes="));
        assertThat(jdbc.sql("SELECT count(*) FROM purchase_order WHERE has_detail = 1").query(Long.class).single())
                .isEqualTo(10);
        assertThat(imports.rejections(Dataset.OC, YearMonth.of(2026, 6))).singleElement()
                .satisfies(r -> assertThat(r[2]).contains("cortada"));
        // the first month of the first import (of whichever test ran first) found the table empty: the bulk path,
        // ended once nothing is left to work
        org.mockito.Mockito.verify(suspended, org.mockito.Mockito.atLeastOnce())
                .suspend(org.mockito.ArgumentMatchers.eq("purchase_order"), org.mockito.ArgumentMatchers.any());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> suspended.suspended().isEmpty()
                && text.indexedVersion() == jdbc.sql("SELECT version FROM data_version WHERE dataset = 'orders'")
                .query(Long.class).single());
        assertThat(suspended.secondary("purchase_order", java.util.Set.of()))
                .extracting(cl.andesops.shared.persistence.SuspendedIndexes.Suspended::name)
                .contains("po_created", "po_buyer_profile", "po_supplier_profile");
        text.awaitIndexed();
        assertThat(text.matchingIdArray("arriendo camion", null, null)).hasSize(1);
        if (dialect.postgres()) {
            assertThat(jdbc.sql("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = "
                    + "'purchase_order'").query(Boolean.class).single())
                    .as("the planner knows the month before autovacuum comes by").isTrue();
        }

        // ChileCompra rewrites past months: a re-import asks whether the file changed, and this one did not
        int before = requests.size();
        imports.enqueue(Dataset.OC, YearMonth.of(2026, 6), YearMonth.of(2026, 6));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> requests.size() > before
                && month("oc", "2026-06").state().equals("DONE"));
        assertThat(requests.subList(before, requests.size())).containsExactly("/oc-da/2026-6.zip if-none-match");
        assertThat(month("oc", "2026-06").records()).isEqualTo(10);
    }

    @Test
    void a_month_cut_in_the_middle_of_its_import_goes_on_from_its_checkpoint_on_a_new_download_of_the_same_file() {
        imports.enqueue(Dataset.OC, YearMonth.of(2026, 6), YearMonth.of(2026, 6));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> month("oc", "2026-06").state().equals("DONE"));
        imports.pause();
        // as another node leaves it when it dies: importing the same file, every line read and committed, and the
        // file it had downloaded on its own disk, not here
        jdbc.sql("""
                UPDATE import_file SET state = 'IMPORTING', resume_entry = '2026-6.csv', resume_line = 1000000
                WHERE dataset = 'oc' AND month = '2026-06'""").update();
        long version = jdbc.sql("SELECT version FROM data_version WHERE dataset = 'orders'").query(Long.class).single();
        int before = requests.size();
        imports.resume();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> month("oc", "2026-06").state().equals("DONE"));
        assertThat(requests.subList(before, requests.size())).as("fetched whole: the import was not done")
                .containsExactly("/oc-da/2026-6.zip");
        assertThat(jdbc.sql("SELECT count(*) FROM purchase_order WHERE version > :v").param("v", version)
                .query(Long.class).single()).as("no order written again: it went on after its last line").isZero();
        assertThat(month("oc", "2026-06").records()).isEqualTo(10);
    }

    @Test
    void a_month_that_is_not_published_is_marked_missing_not_retried_forever() {
        imports.enqueue(Dataset.LIC, YearMonth.of(2015, 1), YearMonth.of(2015, 1));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> month("lic", "2015-01").state().equals("MISSING"));
        assertThat(month("lic", "2015-01").lastError()).contains("404");
    }

    @Test
    void a_damaged_file_is_fetched_again_then_failed_with_its_reason_not_retried_forever() {
        imports.enqueue(Dataset.OC, YearMonth.of(2026, 5), YearMonth.of(2026, 5));
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> month("oc", "2026-05").state().equals("FAILED"));
        assertThat(month("oc", "2026-05").lastError()).contains("no es un ZIP válido");
        assertThat(requests.stream().filter(r -> r.startsWith("/oc-da/2026-5.zip")))
                .as("each attempt downloads it again, and there are three").hasSize(3);
    }

    @Test
    void the_month_at_work_says_how_far_it_is_and_how_long_is_left_at_its_pace() {
        var halfway = new ImportService.Current("oc", "2026-06", "IMPORTING", 15_000_000, 60_000_000, 100_000, 8_000);
        assertThat(halfway.percent()).isEqualTo(25);
        assertThat(halfway.secondsLeft(10)).as("a quarter in 10 s: three quarters in 30 s").isEqualTo(30);
        assertThat(new ImportService.Current("oc", "2026-06", "IMPORTING", 0, 60_000_000, 0, 0).secondsLeft(1))
                .as("no pace yet").isEqualTo(-1);
        assertThat(imports.secondsLeft()).as("nothing at work").isEqualTo(-1);
    }

    private static final java.nio.file.Path FILES = java.nio.file.Path.of("target/test-data/import-service/opendata");

    @Test
    void a_poisoned_month_fails_three_times_with_its_reason_its_file_deleted_and_the_queue_goes_on() {
        imports.enqueue(Dataset.OC, YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> month("oc", "2026-03").state().equals("FAILED"));
        assertThat(month("oc", "2026-03").lastError()).as("why, in words an operator can act on")
                .contains("pasa de 1.048.576 caracteres").contains("comillas sin cerrar");
        assertThat(requests.stream().filter(r -> r.startsWith("/oc-da/2026-3.zip"))).hasSize(3);
        assertThat(FILES.resolve("oc-2026-03.zip")).as("its file is not kept").doesNotExist();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> month("oc", "2026-02").state().equals("DONE"));
        assertThat(month("oc", "2026-02").records()).as("the month behind it is imported").isEqualTo(10);
    }

    @Test
    void a_stalled_download_is_cut_after_the_idle_timeout_and_its_partial_file_deleted_when_it_fails() {
        long t0 = System.nanoTime();
        imports.enqueue(Dataset.OC, YearMonth.of(2026, 1), YearMonth.of(2026, 1));
        Awaitility.await().atMost(Duration.ofSeconds(40))
                .until(() -> month("oc", "2026-01").state().equals("FAILED"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("three attempts cut at 2 s, not held a minute each")
                .isLessThan(Duration.ofSeconds(40));
        assertThat(month("oc", "2026-01").lastError()).contains("dejó de enviar").contains("2 s");
        assertThat(FILES.resolve("oc-2026-01.zip")).as("the 4 KB it got are not kept").doesNotExist();
    }

    @Test
    void an_attempt_a_dead_process_left_behind_counts_and_the_third_fails_the_month_without_a_download() {
        imports.pause();
        try {
            jdbc.sql("""
                    INSERT INTO import_file (dataset, month, state, priority, queued_at, attempts, working_since)
                    VALUES ('cot', '2024-07', 'IMPORTING', 0, 0, 2, 1)""").update();
        } finally {
            imports.resume();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> month("cot", "2024-07").state().equals("FAILED"));
        assertThat(month("cot", "2024-07").lastError()).contains("se detuvo");
        assertThat(requests).noneMatch(r -> r.contains("COT_2024-07"));
    }

    @Test
    void an_error_while_importing_counts_as_a_failed_attempt_not_a_month_left_importing() throws Exception {
        org.mockito.Mockito.doThrow(new OutOfMemoryError("Java heap space")).when(importer).importZip(
                org.mockito.ArgumentMatchers.eq(Dataset.OC), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.eq("oc-da/2025-11.zip"), org.mockito.ArgumentMatchers.any());
        imports.enqueue(Dataset.OC, YearMonth.of(2025, 11), YearMonth.of(2025, 11));
        Awaitility.await().atMost(Duration.ofSeconds(40))
                .until(() -> month("oc", "2025-11").state().equals("FAILED"));
        assertThat(month("oc", "2025-11").lastError()).contains("OutOfMemoryError");
        assertThat(requests.stream().filter(r -> r.startsWith("/oc-da/2025-11.zip"))).hasSize(3);
    }

    @Test
    void a_discarded_month_is_fetched_whole_again_not_asked_whether_it_changed() {
        imports.enqueue(Dataset.OC, YearMonth.of(2026, 6), YearMonth.of(2026, 6));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> month("oc", "2026-06").state().equals("DONE"));
        int before = requests.size();
        assertThat(imports.discard(Dataset.OC, YearMonth.of(2026, 6))).isTrue();
        assertThat(imports.discard(Dataset.OC, YearMonth.of(2019, 6))).as("never queued").isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> requests.size() > before
                && month("oc", "2026-06").state().equals("DONE"));
        assertThat(requests.subList(before, requests.size())).contains("/oc-da/2026-6.zip")
                .doesNotContain("/oc-da/2026-6.zip if-none-match");
        assertThat(month("oc", "2026-06").records()).isEqualTo(10);
    }

    @Autowired cl.andesops.admin.AdminService admin;

    @Test
    void the_rejected_rows_file_never_hands_a_spreadsheet_a_formula() {
        jdbc.sql("""
                INSERT INTO import_rejection (dataset, month, entry, line, reason)
                VALUES ('oc', '2019-04', '=HYPERLINK("http://evil.example","x")', 7, '+cmd|calc'),
                       ('oc', '2019-04', '2019-4.csv', 8, '@SUM(1)')""").update();
        String csv = admin.rejectionsCsv(Dataset.OC, YearMonth.of(2019, 4));
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\";7;\"'+cmd|calc\"")
                .contains("\"'@SUM(1)\"").doesNotContain(";\"=").doesNotContain(";\"+").doesNotContain("\n\"=");
    }

    @Test
    void months_before_the_open_data_begins_or_after_the_newest_it_can_hold_are_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.enqueue(Dataset.OC, YearMonth.of(1890, 1),
                YearMonth.of(1890, 12))).hasMessageContaining("2007-01").hasMessageContaining("1890-01");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.enqueue(Dataset.LIC, YearMonth.of(2014, 11),
                YearMonth.of(2015, 1))).hasMessageContaining("2014-12");
        YearMonth next = YearMonth.now(cl.andesops.shared.format.Formats.CHILE).plusMonths(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.enqueue(Dataset.OC, next, next))
                .hasMessageContaining(next.toString());
        assertThat(imports.status().months()).noneMatch(m -> m.month().startsWith("1890"));
    }
}
