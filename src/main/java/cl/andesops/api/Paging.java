package cl.andesops.api;

/** Validates {@code page} (from 0) and {@code size} (1-200) with a clear message. */
final class Paging {

    static final int MAX_SIZE = 200;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("'page' empieza en 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("'size' debe estar entre 1 y " + MAX_SIZE);
        }
    }
}
