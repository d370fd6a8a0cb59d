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
