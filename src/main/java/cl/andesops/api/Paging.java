package cl.andesops.api;

/**
 * Validates {@code page} (from 0), {@code size} (1-200) and how deep the page lies (at most {@value #MAX_OFFSET}
 * rows in: deeper paging reads and skips every row before it), with a clear message.
 */
final class Paging {

    static final int MAX_SIZE = 200;
    static final long MAX_OFFSET = 100_000;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("'page' empieza en 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("'size' debe estar entre 1 y " + MAX_SIZE);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new IllegalArgumentException("Página demasiado lejana: a lo más " + MAX_OFFSET
                    + " filas de desplazamiento; acote con 'from' y 'to' para ir más atrás");
        }
    }
}
