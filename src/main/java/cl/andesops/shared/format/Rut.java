package cl.andesops.shared.format;

import java.util.Optional;

/**
 * A Chilean RUT (Rol Único Tributario): the number and its check digit, validated with the modulo-11 rule.
 * Parses any common spelling ({@code 76012551-2}, {@code 76.012.551-2}, {@code 70.017.820-k}) and formats as
 * {@code 76.012.551-2}.
 */
public record Rut(int number, char checkDigit) {

    public Rut {
        if (number <= 0) {
            throw new IllegalArgumentException("El RUT debe ser positivo");
        }
        checkDigit = Character.toUpperCase(checkDigit);
        if (checkDigit != checkDigitOf(number)) {
            throw new IllegalArgumentException("Dígito verificador incorrecto");
        }
    }

    /** The RUT in a text, or empty when the text is not a valid RUT. */
    public static Optional<Rut> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String clean = text.strip().replace(".", "").replace(" ", "").replace("-", "");
        if (clean.length() < 2 || clean.length() > 10) {
            return Optional.empty();
        }
        String body = clean.substring(0, clean.length() - 1);
        char dv = Character.toUpperCase(clean.charAt(clean.length() - 1));
        if (!body.chars().allMatch(Character::isDigit) || !(Character.isDigit(dv) || dv == 'K')) {
            return Optional.empty();
        }
        int number = Integer.parseInt(body);
        if (number <= 0 || dv != checkDigitOf(number)) {
            return Optional.empty();
        }
        return Optional.of(new Rut(number, dv));
    }

    /** A RUT as it came if it does not parse, formatted if it does: for display of data we do not own. */
    public static String formatOrKeep(String text) {
        return parse(text).map(Rut::toString).orElse(text == null ? "" : text.strip());
    }

    public static char checkDigitOf(int number) {
        int sum = 0;
        int factor = 2;
        for (int n = number; n > 0; n /= 10) {
            sum += (n % 10) * factor;
            factor = factor == 7 ? 2 : factor + 1;
        }
        int rest = 11 - (sum % 11);
        return rest == 11 ? '0' : rest == 10 ? 'K' : (char) ('0' + rest);
    }

    /** {@code 76.012.551-2}. */
    @Override
    public String toString() {
        String digits = Integer.toString(number);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped + "-" + checkDigit;
    }
}
