package cl.andesops.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * A screen's rows and its CSV export, read with no commit between them: the test app's sync keeps storing records
 * meanwhile, so both are read again until the screen reads the same number of rows before and after the file, and
 * the file has a line for each (and its header).
 */
public final class StableExport {

    /** The rows the screen showed and the file's lines (its header first). */
    public record Read<T>(List<T> shown, String[] lines) {
    }

    /** Writes the export being tested. */
    public interface Csv {
        void write(OutputStream out) throws IOException;
    }

    private StableExport() {
    }

    public static <T> Read<T> read(Supplier<List<T>> screen, Csv csv) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<T> shown = List.of();
        String[] lines = {};
        for (int attempt = 0; attempt < 40; attempt++) {
            shown = screen.get();
            out.reset();
            csv.write(out);
            lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
            if (lines.length == shown.size() + 1 && screen.get().size() == shown.size()) {
                break;
            }
            Thread.sleep(250);
        }
        return new Read<>(shown, lines);
    }
}
