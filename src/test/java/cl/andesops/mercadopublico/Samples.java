package cl.andesops.mercadopublico;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real captured responses under src/test/resources/samples (copied from ../shared/samples). */
final class Samples {

    private Samples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
