package cl.andesops.opendata;

/**
 * How much of a file one row may take, as data: a real field is a few kilobytes (the longest description in a month
 * of orders is under 4,000 characters), a real row a few tens of kilobytes, a real record a few hundred rows (a
 * tender's items times its offers reaches a few thousand) and a real header a hundred-odd columns. A file past them
 * is damaged or hostile: a field past {@code fieldChars} rejects its row, a row past {@code recordChars} (a quote
 * never closed) stops the file, rows of one code past {@code groupRows} are rejected rather than held, and a header
 * past {@code columns} is not a file of this kind. Each reading holds at most about a record's characters and a group
 * of rows, whatever the file.
 */
public record ReadBounds(int fieldChars, int recordChars, int groupRows, int columns) {

    /** The defaults of {@code andesops.opendata.*} (what the tests and the benchmarks read with). */
    public static final ReadBounds DEFAULT = new ReadBounds(65_536, 1_048_576, 20_000, 1_000);

    public ReadBounds {
        if (fieldChars < 1 || recordChars < fieldChars || groupRows < 1 || columns < 1) {
            throw new IllegalArgumentException("Límites de lectura inválidos: " + fieldChars + ", " + recordChars
                    + ", " + groupRows + ", " + columns);
        }
    }
}
