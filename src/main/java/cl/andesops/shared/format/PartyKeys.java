package cl.andesops.shared.format;

import java.util.Optional;

/**
 * The keys a buyer and a supplier go by, and where their profiles are: a buyer is its organism's code (the
 * {@code CodigoOrganismo} every order and tender carries; its units and their RUTs hang from it); a supplier is its
 * RUT, validated with its check digit and written without dots ({@code 76012551-2}), whatever code a dataset gave
 * it. Every link to a party in the app, its exports and its API is built here (the parties feature owns who they
 * are; every feature links to them, so the keys live below all of them).
 */
public final class PartyKeys {

    private PartyKeys() {
    }

    /** What a party is: a buyer (organism), a supplier (RUT) or a product (UNSPSC code). */
    public enum Kind { BUYER, SUPPLIER, PRODUCT }

    /** A name a record gave a party, under the party's key. */
    public record Named(Kind kind, String key, String name) {
    }

    /**
     * Where the records to read for party names are: the rows stamped after a data version (what a commit wrote), or
     * a window of row ids (a full read, a window at a time, so no database holds a whole table's names at once).
     */
    public record Rows(long afterVersion, long fromId, long toId) {
        public static Rows since(long version) {
            return new Rows(version, 0, 0);
        }

        public static Rows ids(long fromIdExclusive, long toIdInclusive) {
            return new Rows(-1, fromIdExclusive, toIdInclusive);
        }

        /** The condition on a table aliased {@code t}, with {@code :a}, {@code :lo} and {@code :hi}. */
        public String where(String t) {
            return afterVersion >= 0 ? t + ".version > :a" : t + ".id > :lo AND " + t + ".id <= :hi";
        }

        /**
         * The rows this read covers, as a materialised {@code changed} (alias {@code t} inside) with these columns:
         * the planner then starts from the version's or the id's index. Asked for the DISTINCT names of a commit's
         * few thousand rows, SQLite preferred scanning a whole index in the DISTINCT's order, the whole table at
         * each commit (13 s of a 155,761-order month's import); joined tables go after it with CROSS JOIN, which
         * keeps it the outer loop there.
         */
        public String changed(String table, String columns) {
            return "WITH changed AS MATERIALIZED (SELECT " + columns + " FROM " + table + " t WHERE " + where("t")
                    + ") ";
        }

        public java.util.Map<String, Object> params() {
            return java.util.Map.of("a", afterVersion, "lo", fromId, "hi", toId);
        }
    }

    /** A named party from a key in any spelling a dataset writes, or null when the key is none. */
    public static Named named(Kind kind, String key, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Optional<String> k = switch (kind) {
            case BUYER -> buyer(key);
            case SUPPLIER -> supplier(key);
            case PRODUCT -> product(key);
        };
        return k.map(v -> new Named(kind, v, name.strip())).orElse(null);
    }

    /** Hands {@code each} the named party, when the key is one and the name is not blank. */
    public static void offer(java.util.function.Consumer<Named> each, Kind kind, String key, String name) {
        Named n = named(kind, key, name);
        if (n != null) {
            each.accept(n);
        }
    }

    /** The profile of a party of this kind, relative to the app's root; null when the key is none. */
    public static String path(Kind kind, String key) {
        return switch (kind) {
            case BUYER -> buyerPath(key);
            case SUPPLIER -> supplierPath(key);
            case PRODUCT -> productPath(key);
        };
    }

    /** A supplier's key from any spelling of its RUT; empty when it is not a valid RUT. */
    public static Optional<String> supplier(String rut) {
        return Rut.parse(rut).map(r -> r.number() + "-" + r.checkDigit());
    }

    /** A buyer's key: its organism code, digits only; empty when there is none. */
    public static Optional<String> buyer(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip();
        return c.isEmpty() || c.length() > 12 || !c.chars().allMatch(Character::isDigit) ? Optional.empty()
                : Optional.of(c);
    }

    /** The buyer's profile, relative to the app's root ({@code buyers/7248}); null when the code is no key. */
    public static String buyerPath(String code) {
        return buyer(code).map(c -> "buyers/" + c).orElse(null);
    }

    /** The supplier's profile, relative to the app's root ({@code suppliers/76012551-2}); null without a valid RUT. */
    public static String supplierPath(String rut) {
        return supplier(rut).map(k -> "suppliers/" + k).orElse(null);
    }

    /** A product's key: its UNSPSC product code, digits only; empty when there is none. */
    public static Optional<String> product(String code) {
        return buyer(code); // the same shape: up to twelve digits
    }

    /** The product's price reference ({@code products/42271718}); null when the code is no key. */
    public static String productPath(String code) {
        return product(code).map(c -> "products/" + c).orElse(null);
    }
}
