package cl.andesops.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cl.andesops.flags.FlagWords;
import cl.andesops.flags.Indicator;
import cl.andesops.shared.I18n;
import cl.andesops.shared.format.Formats;

/** An alert in words, in the reader's language: the same sentence on the bell's page, in a feed and in a mail. */
public final class AlertWords {

    private AlertWords() {
    }

    /** What happened, without the record's title: "Cambió el cierre: del 3 dic al 10 dic". */
    public static String what(Alert a, Locale locale) {
        List<String> x = a.args();
        return switch (a.event()) {
            case NEW -> I18n.text(locale, "alerts.event.NEW");
            case CLOSING_MOVED -> I18n.text(locale, "alerts.event.CLOSING_MOVED", when(x, 0), when(x, 1));
            case STATE -> I18n.text(locale, "alerts.event.STATE", arg(x, 0).isEmpty() ? "—" : arg(x, 0), arg(x, 1));
            case AWARDED -> I18n.text(locale, "alerts.event.AWARDED", awards(x));
            case ANSWERED -> I18n.text(locale, "alerts.event.ANSWERED");
            case QUOTES -> I18n.text(locale, "alerts.event.QUOTES", arg(x, 0));
            case SELECTED -> I18n.text(locale, "alerts.event.SELECTED", arg(x, 0));
            case ORDER -> I18n.text(locale, "alerts.event.ORDER", arg(x, 0));
            case NEW_TENDER -> I18n.text(locale, "alerts.event.NEW_TENDER");
            case NEW_AWARD -> I18n.text(locale, "alerts.event.NEW_AWARD", x.stream().filter(s -> !s.isEmpty())
                    .map(s -> Formats.clp(Long.parseLong(s))).reduce((p, q) -> p + ", " + q).orElse("—"));
            case FLAG -> I18n.text(locale, "alerts.event.FLAG", String.join(", ", x.stream()
                    .map(id -> Indicator.of(id).map(i -> FlagWords.name(i, locale)).orElse(id)).toList()));
        };
    }

    /** The title and what happened: one line. */
    public static String line(Alert a, Locale locale) {
        String title = a.title() == null || a.title().isBlank() ? a.code() : a.title();
        return title + " (" + a.code() + "): " + what(a, locale);
    }

    private static String arg(List<String> x, int i) {
        return i < x.size() ? x.get(i) : "";
    }

    private static String when(List<String> x, int i) {
        String v = arg(x, i);
        try {
            return Formats.dateTime(Instant.ofEpochMilli(Long.parseLong(v)));
        } catch (NumberFormatException e) {
            return "—";
        }
    }

    /** "Proveedor A ($1.200.000), Proveedor B ($300.000)": each awarded line as supplier|name|amount. */
    private static String awards(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String[] p = l.split("\\|", -1);
            String name = p.length > 1 && !p[1].isBlank() ? p[1] : p[0];
            out.add(p.length > 2 && !p[2].isBlank() ? name + " (" + Formats.clp(Long.parseLong(p[2])) + ")" : name);
        }
        return out.isEmpty() ? "—" : String.join(", ", out);
    }
}
