package cl.andesops.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import cl.andesops.shared.ui.TableExport.Column;
import cl.andesops.shared.ui.TableExport.Format;

class TableExportTest {

    record Row(String code, BigDecimal amount, Long clp, Instant at) {
    }

    static final List<Row> ROWS = List.of(
            new Row("1-1-SE26", new BigDecimal("1234.5"), 1_234_567L, Instant.parse("2026-03-01T15:30:00Z")),
            new Row("=cmd|x", null, null, null));
    static final List<Column<Row>> COLUMNS = List.of(Column.text("Código", Row::code),
            Column.number("Total", Row::amount), Column.number("Monto CLP", Row::clp),
            Column.dateTime("Fecha (Chile)", Row::at));

    static TableExport<Row> export(Format format, Locale locale, boolean simulated) {
        return new TableExport<>("ordenes", "Órdenes", COLUMNS, (limit, each) -> {
            ROWS.stream().limit(limit).forEach(each);
            return Math.min(limit, ROWS.size());
        }, format, 10, locale, simulated);
    }

    static String csv(Locale locale, boolean simulated) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export(Format.CSV, locale, simulated).writeCsv(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void spanish_csv_uses_semicolons_a_decimal_comma_and_chile_time() throws Exception {
        String text = csv(Locale.of("es", "CL"), false);
        assertThat(text.split("\r\n")).containsExactly(
                "\uFEFF\"Código\";\"Total\";\"Monto CLP\";\"Fecha (Chile)\"",
                "\"1-1-SE26\";\"1234,5\";\"1234567\";\"01-03-2026 12:30\"",
                "\"'=cmd|x\";\"\";\"\";\"\"");
    }

    @Test
    void a_long_file_reports_how_far_it_has_got_and_when_it_is_done() throws Exception {
        for (Format format : Format.values()) {
            List<String> reports = new java.util.ArrayList<>();
            TableExport<Row> big = new TableExport<>("ordenes", "Órdenes", COLUMNS, (limit, each) -> {
                long n = Math.min(limit, 4_500);
                for (int i = 0; i < n; i++) {
                    each.accept(ROWS.getFirst());
                }
                return n;
            }, format, 200_000, Locale.of("es", "CL"), false)
                    .withProgress((rows, done) -> reports.add(rows + (done ? " done" : "")));
            big.write(new ByteArrayOutputStream());
            assertThat(reports).as(format.name()).containsExactly("2000", "4000", "4500 done");
        }
    }

    @Test
    void english_csv_uses_commas_and_a_decimal_point() throws Exception {
        assertThat(csv(Locale.ENGLISH, false).split("\r\n")[1])
                .isEqualTo("\"1-1-SE26\",\"1234.5\",\"1234567\",\"2026-03-01 12:30\"");
    }

    @Test
    void simulated_records_say_so_in_every_row_and_in_the_name() throws Exception {
        String[] lines = csv(Locale.of("es", "CL"), true).split("\r\n");
        assertThat(lines[0]).endsWith(";\"Datos simulados\"");
        assertThat(lines[1]).endsWith(";\"sí\"");
        assertThat(lines[2]).endsWith(";\"sí\"");
        assertThat(export(Format.XLSX, Locale.of("es", "CL"), true).fileName(java.time.LocalDate.of(2026, 3, 1)))
                .isEqualTo("ordenes-2026-03-01-simulado.xlsx");
        assertThat(export(Format.CSV, Locale.ENGLISH, false).fileName(java.time.LocalDate.of(2026, 3, 1)))
                .isEqualTo("ordenes-2026-03-01.csv");
    }

    @Test
    void xlsx_has_numeric_cells_and_date_cells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export(Format.XLSX, Locale.of("es", "CL"), false).writeXlsx(out);
        Path file = Files.createTempFile("export", ".xlsx");
        Files.write(file, out.toByteArray());
        String sheet;
        String styles;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            styles = new String(zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
        // numbers are numbers (no t="s"/inlineStr), the date is a serial number with a date format
        assertThat(sheet).contains("<c r=\"B2\" t=\"n\"><v>1234.5</v>").contains("<c r=\"C2\" t=\"n\"><v>1234567</v>")
                .containsPattern("<c r=\"D2\" s=\"\\d+\" t=\"n\"><v>46082\\.5208333"); // 01-03-2026 12:30 Chile
        assertThat(styles).contains("dd-mm-yyyy hh:mm");
    }
}
