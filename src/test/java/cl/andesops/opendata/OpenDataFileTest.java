package cl.andesops.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.shared.format.Formats;

/** Reading ChileCompra's open-data CSV as published: the real sample rows, and the file's hard cases one by one. */
class OpenDataFileTest {

    private static List<OpenDataFile.Row> rows(InputStream in, List<OpenDataFile.Rejection> rejected) throws Exception {
        List<OpenDataFile.Row> out = new ArrayList<>();
        try (OpenDataFile f = new OpenDataFile(in, "test.csv", rejected::add)) {
            f.forEach(out::add);
        }
        return out;
    }

    private static InputStream cp1252(String text) {
        return new ByteArrayInputStream(text.getBytes(OpenDataFile.CP1252));
    }

    @Test
    void the_real_order_sample_reads_every_complete_row_and_rejects_the_cut_one() throws Exception {
        List<OpenDataFile.Rejection> rejected = new ArrayList<>();
        List<OpenDataFile.Row> rows;
        List<String> header;
        try (InputStream in = getClass().getResourceAsStream("/samples/open-data/oc-da-2026-6-head.csv");
             OpenDataFile f = new OpenDataFile(in, "oc-da-2026-6-head.csv", rejected::add)) {
            header = f.header();
            rows = new ArrayList<>();
            f.forEach(rows::add);
        }
        assertThat(header).hasSize(78).contains("NombreroductoGenerico", "Descripcion/Obervaciones", "Forma de Pago");
        assertThat(rows).hasSize(22).allSatisfy(r -> assertThat(r.fields()).hasSize(78));
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.reason()).contains("cortada al final");
            assertThat(r.line()).isGreaterThan(rows.getLast().line());
        });
        // lines count the newlines inside quoted fields: each row starts after the previous one
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).line()).isGreaterThan(rows.get(i - 1).line());
        }
    }

    @Test
    void the_first_real_order_reads_field_for_field() throws Exception {
        List<OpenDataFile.Row> rows;
        Columns c;
        try (InputStream in = getClass().getResourceAsStream("/samples/open-data/oc-da-2026-6-head.csv");
             OpenDataFile f = new OpenDataFile(in, "oc", r -> { })) {
            c = new Columns("oc", f.header(), OrderRows.COLUMNS);
            rows = new ArrayList<>();
            f.forEach(rows::add);
        }
        assertThat(c.missingOptional()).isEmpty();
        OrderRows.FileOrder o = OrderRows.order(c, List.of(rows.getFirst()));
        OrderDetail d = o.detail();
        assertThat(d.code()).isEqualTo("2667-1061-SE21");
        assertThat(d.name()).startsWith("ARRIENDO DE CAMION MULTIPRPÓSITO");
        assertThat(d.type()).isEqualTo("SE");
        assertThat(d.typeCode()).isEqualTo("8");
        assertThat(d.stateCode()).isEqualTo(6);
        assertThat(d.state()).isEqualTo("Aceptada");
        assertThat(d.createdAt()).isEqualTo(LocalDate.of(2021, 12, 27).atStartOfDay(Formats.CHILE).toInstant());
        assertThat(d.sentAt()).isEqualTo(LocalDate.of(2026, 6, 23).atStartOfDay(Formats.CHILE).toInstant());
        assertThat(d.cancelledAt()).as("NA is no date").isNull();
        assertThat(d.currency()).isEqualTo("CLF");
        assertThat(d.total()).isEqualByComparingTo("19977.72");
        assertThat(o.totalClp()).isEqualByComparingTo("618646465.493438");
        assertThat(d.tax()).isEqualByComparingTo("3189.72");
        assertThat(d.netTotal()).isEqualByComparingTo("16788");
        assertThat(d.taxRate()).isEqualByComparingTo("19");
        assertThat(d.tenderCode()).isEqualTo("2667-58-LR21");
        assertThat(d.buyer().unitCode()).isEqualTo("3656");
        assertThat(d.buyer().unitRut()).isEqualTo("69.255.600-3");
        assertThat(d.buyer().unitName()).isEqualTo("SECPLA");
        assertThat(d.buyer().organismCode()).isEqualTo("98462");
        assertThat(d.buyer().organismName()).isEqualTo("I MUNICIPALIDAD DE VITACURA");
        assertThat(d.buyer().region()).isEqualTo("Región Metropolitana de Santiago");
        assertThat(d.supplier().code()).isEqualTo("1353385");
        assertThat(d.supplier().branchCode()).isEqualTo("754912");
        assertThat(d.supplier().rut()).isEqualTo("99.595.490-7");
        assertThat(d.supplier().name()).isEqualTo("INVERSIONES PATAGONIA S.A.");
        assertThat(d.items()).singleElement().satisfies(i -> {
            assertThat(i.categoryCode()).isEqualTo("25101600");
            assertThat(i.productCode()).isEqualTo("25101602");
            assertThat(i.product()).isEqualTo("Camiones de remolque");
            assertThat(i.quantity()).isEqualByComparingTo("60");
            assertThat(i.unit()).isEqualTo("Mes");
            assertThat(i.netPrice()).isEqualByComparingTo("279.8");
            assertThat(i.total()).isEqualByComparingTo("16788");
        });
    }

    @Test
    void quoted_fields_hold_separators_and_newlines_and_values_read_as_published() throws Exception {
        String csv = "\"Codigo\";\"Nombre\";\"MontoTotalOC\";\"FechaCreacion\";\"FechaCancelacion\";\"Extra\"\r\n"
                + "\"1-1-SE26\";\"Sillas; mesas\r\ny estantes  \";1.234,5;\"2026-06-02\";\"1900-01-01\";NA\r\n"
                + "\"1-2-SE26\";\"otra\";12,5;\"2026-06-03\";NA;\"x\"\r\n";
        List<OpenDataFile.Rejection> rejected = new ArrayList<>();
        List<OpenDataFile.Row> rows;
        Columns c;
        try (OpenDataFile f = new OpenDataFile(cp1252(csv), "t", rejected::add)) {
            c = new Columns("t", f.header(), List.of(Columns.Column.required("code", "Codigo"),
                    Columns.Column.optional("name", "Nombre"), Columns.Column.optional("total", "MontoTotalOC"),
                    Columns.Column.optional("created", "FechaCreacion"),
                    Columns.Column.optional("cancelled", "FechaCancelacion"),
                    Columns.Column.optional("renamed", "NombreNuevo", "Extra"),
                    Columns.Column.optional("absent", "NoExiste")));
            rows = new ArrayList<>();
            f.forEach(rows::add);
        }
        assertThat(rejected).isEmpty();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(c.text(rows.getFirst(), "name")).isEqualTo("Sillas; mesas\r\ny estantes");
        assertThat(c.decimal(rows.getFirst(), "total")).isEqualByComparingTo(new BigDecimal("1234.5"));
        assertThat(c.decimal(rows.get(1), "total")).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(c.date(rows.getFirst(), "cancelled")).as("1900-01-01 means no date").isNull();
        assertThat(c.date(rows.get(1), "cancelled")).as("NA means no date").isNull();
        assertThat(c.text(rows.getFirst(), "renamed")).as("NA is null").isNull();
        assertThat(c.text(rows.get(1), "renamed")).as("found by its older name").isEqualTo("x");
        assertThat(c.text(rows.getFirst(), "absent")).isNull();
        assertThat(c.missingOptional()).containsExactly("NoExiste");
    }

    @Test
    void a_row_with_another_number_of_fields_is_rejected_with_its_line_and_the_rest_goes_in() throws Exception {
        String csv = "\"Codigo\";\"Nombre\"\n\"A\";\"uno\"\n\"B\";\"dos\";\"de más\"\n\"C\";\"tres\"\n";
        List<OpenDataFile.Rejection> rejected = new ArrayList<>();
        List<OpenDataFile.Row> rows = rows(cp1252(csv), rejected);
        assertThat(rows).extracting(r -> r.fields()[0]).containsExactly("A", "C");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).contains("3 campos");
        });
    }

    @Test
    void a_file_without_a_required_column_stops_with_a_message_that_names_it() throws Exception {
        try (OpenDataFile f = new OpenDataFile(cp1252("\"Nombre\";\"Otro\"\n\"x\";\"y\"\n"), "2019-3.csv", r -> { })) {
            assertThatThrownBy(() -> new Columns("2019-3.csv", f.header(), OrderRows.COLUMNS))
                    .isInstanceOf(Columns.MissingColumns.class)
                    .hasMessageContaining("2019-3.csv").hasMessageContaining("Codigo")
                    .hasMessageContaining("FechaCreacion");
        }
    }

    @Test
    void a_value_a_column_cannot_hold_says_which_and_why() throws Exception {
        String csv = "\"Codigo\";\"MontoTotalOC\"\n\"A\";\"mucho\"\n";
        List<OpenDataFile.Row> rows = rows(cp1252(csv), new ArrayList<>());
        Columns c = new Columns("t", List.of("Codigo", "MontoTotalOC"), List.of(
                Columns.Column.required("code", "Codigo"), Columns.Column.optional("total", "MontoTotalOC")));
        assertThatThrownBy(() -> c.decimal(rows.getFirst(), "total")).isInstanceOf(Columns.BadValue.class)
                .hasMessageContaining("total").hasMessageContaining("mucho");
    }

    private static final ReadBounds SMALL = new ReadBounds(100, 10_000, 50, 20);

    /** A stream that counts what was read of it: how far the reading went. */
    private static final class Counted extends java.io.FilterInputStream {
        long read;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }

    @Test
    void a_quote_never_closed_stops_the_reading_after_a_rows_bound_not_at_the_end_of_the_file() throws Exception {
        // the header, a good row, then a quote that never closes over 20 MB: once all of it was held in memory
        byte[] head = "\"Codigo\";\"Nombre\"\r\n\"A\";\"uno\"\r\n\"B\";\"".getBytes(OpenDataFile.CP1252);
        InputStream endless = new java.io.SequenceInputStream(new ByteArrayInputStream(head),
                new InputStream() {
                    long left = 20L << 20;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'x' : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(len, left);
                        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                        left -= n;
                        return n;
                    }
                });
        Counted counted = new Counted(endless);
        List<OpenDataFile.Row> rows = new ArrayList<>();
        try (OpenDataFile f = new OpenDataFile(counted, "2026-3.csv", r -> { }, SMALL)) {
            assertThatThrownBy(() -> f.forEach(rows::add)).isInstanceOf(java.io.UncheckedIOException.class)
                    .cause().hasMessageContaining("2026-3.csv").hasMessageContaining("línea 3")
                    .hasMessageContaining("pasa de 10.000 caracteres").hasMessageContaining("comillas sin cerrar");
        }
        assertThat(rows).extracting(r -> r.fields()[0]).containsExactly("A");
        assertThat(counted.read).as("read the megabyte the encoding is judged on, a row's bound and some buffer, not "
                + "20 MB").isLessThan(2L << 20);
    }

    @Test
    void a_field_past_its_bound_rejects_its_row_and_the_rest_of_the_file_goes_in() throws Exception {
        String csv = "\"Codigo\";\"Descripcion\"\n\"A\";\"" + "y".repeat(101) + "\"\n\"B\";\"corta\"\n";
        List<OpenDataFile.Rejection> rejected = new ArrayList<>();
        List<OpenDataFile.Row> rows = new ArrayList<>();
        try (OpenDataFile f = new OpenDataFile(cp1252(csv), "t.csv", rejected::add, SMALL)) {
            f.forEach(rows::add);
        }
        assertThat(rows).extracting(r -> r.fields()[0]).containsExactly("B");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).contains("«Descripcion»").contains("101 caracteres").contains("límite de 100");
        });
    }

    @Test
    void a_header_of_three_hundred_thousand_columns_is_not_a_file_of_this_kind() {
        String header = java.util.stream.IntStream.range(0, 300_000).mapToObj(i -> "\"c" + i + "\"")
                .collect(java.util.stream.Collectors.joining(";")) + "\n";
        assertThatThrownBy(() -> new OpenDataFile(cp1252(header), "t.csv", r -> { }, ReadBounds.DEFAULT))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("encabezado")
                .hasMessageContaining("pasa de 1.048.576 caracteres");
        String wide = java.util.stream.IntStream.range(0, 2_000).mapToObj(i -> "\"c" + i + "\"")
                .collect(java.util.stream.Collectors.joining(";")) + "\n";
        assertThatThrownBy(() -> new OpenDataFile(cp1252(wide), "t.csv", r -> { }, ReadBounds.DEFAULT))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("2.000 columnas")
                .hasMessageContaining("límite de 1.000");
    }

    @Test
    void a_file_written_in_utf8_is_read_as_utf8_not_stored_as_mojibake() throws Exception {
        String csv = "\"Codigo\";\"Nombre\"\n\"A\";\"Municipalidad de Ñuñoa, Región Metropolitana\"\n";
        for (byte[] bytes : List.of(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ("\uFEFF" + csv).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            List<OpenDataFile.Row> rows = new ArrayList<>();
            try (OpenDataFile f = new OpenDataFile(new ByteArrayInputStream(bytes), "t.csv", r -> { })) {
                assertThat(f.header()).containsExactly("Codigo", "Nombre");
                assertThat(f.charset()).isEqualTo(java.nio.charset.StandardCharsets.UTF_8);
                f.forEach(rows::add);
            }
            assertThat(rows.getFirst().fields()[1]).isEqualTo("Municipalidad de Ñuñoa, Región Metropolitana");
        }
        // as published: cp1252, whose accents are not UTF-8
        try (OpenDataFile f = new OpenDataFile(cp1252(csv), "t.csv", r -> { })) {
            assertThat(f.charset()).isEqualTo(OpenDataFile.CP1252);
            assertThat(f.iterator().next().fields()[1]).isEqualTo("Municipalidad de Ñuñoa, Región Metropolitana");
        }
    }

    @Test
    void a_truncated_zip_says_so_not_unclosed_quotes() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes);
             InputStream in = getClass().getResourceAsStream("/samples/open-data/oc-da-2026-6-head.csv")) {
            zip.putNextEntry(new java.util.zip.ZipEntry("2026-6.csv"));
            in.transferTo(zip);
        }
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(cut));
        zip.getNextEntry();
        List<OpenDataFile.Rejection> rejected = new ArrayList<>();
        // where it is found (the header or a row, as the buffers fall), it is said to be the ZIP
        assertThatThrownBy(() -> {
            try (OpenDataFile f = new OpenDataFile(zip, "2026-6.zip!2026-6.csv", rejected::add)) {
                f.forEach(r -> { });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }).isInstanceOf(java.io.IOException.class).hasMessageContaining("ZIP incompleto o dañado")
                .hasMessageNotContaining("comillas");
        assertThat(rejected).noneMatch(r -> r.reason().contains("comillas"));
    }
}
