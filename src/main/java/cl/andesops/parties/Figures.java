package cl.andesops.parties;

import java.util.List;

import tools.jackson.databind.annotation.JsonSerialize;

import cl.andesops.shared.format.SitePath;

/** The rows a profile's tables and charts are made of. */
public final class Figures {

    private Figures() {
    }

    /** A month (yyyy-MM): orders and pesos. */
    public record Month(String month, long orders, long amountClp) {
    }

    /** A share of the whole: a key (a procedure, a category code), its name, orders, pesos and its share of pesos. */
    public record Share(String key, String name, long orders, long amountClp, double share) {
    }

    /** Another party and what passed between them: its key (code or RUT), name, orders, pesos and share of pesos. */
    public record Counterpart(String key, String name, long orders, long amountClp, double share,
                              @JsonSerialize(using = SitePath.class) String path) {
    }

    /** A page of a table: its rows and how many rows the whole table has. */
    public record Page<T>(List<T> rows, long total) {
    }

    /** The rows of {@code all} from {@code offset}, at most {@code limit}; counts them all. */
    static <T> java.util.function.Consumer<T> paging(int offset, int limit, List<T> page, long[] total) {
        return t -> {
            if (total[0] >= offset && page.size() < limit) {
                page.add(t);
            }
            total[0]++;
        };
    }

    /**
     * Herfindahl–Hirschman index of shares (0–10,000): under 1,500 is unconcentrated, 1,500–2,500 moderately, over
     * 2,500 highly concentrated (the US merger guidelines' bands, as procurement studies use them).
     */
    public static int hhi(long[] amounts) {
        double total = 0;
        for (long a : amounts) {
            total += Math.max(0, a);
        }
        if (total <= 0) {
            return 0;
        }
        double sum = 0;
        for (long a : amounts) {
            double s = 100.0 * Math.max(0, a) / total;
            sum += s * s;
        }
        return (int) Math.round(sum);
    }

    /** A number as the datasets write it in text ({@code 697355.0}); null when blank or unreadable. */
    static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
