package cl.andesops.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cl.andesops.shared.I18n;
import cl.andesops.shared.format.Formats;

/** An indicator and its evidence in words, in Spanish or English, the same on the screen, the API and exports. */
public final class FlagWords {

    private FlagWords() {
    }

    public static String name(Indicator i, Locale locale) {
        return I18n.text(locale, "flags." + i.id + ".name");
    }

    public static String definition(Indicator i, Locale locale) {
        return I18n.text(locale, "flags." + i.id + ".definition");
    }

    /** Why the indicator fired on this record, with its figures. */
    public static String why(Flags.Hit hit, Locale locale) {
        List<Object> args = new ArrayList<>(hit.args());
        if (hit.indicator() == Indicator.SPLIT_PURCHASE && args.size() > 4) {
            args.set(4, I18n.text(locale, "flags.channel." + args.get(4)));
        }
        if (hit.indicator() == Indicator.CA_CHEAPEST_NOT_CHOSEN && args.size() > 4 && args.get(4) != null
                && !args.get(4).toString().isBlank()) {
            return I18n.text(locale, "flags.ca-cheapest-not-chosen.why.reason", args.toArray());
        }
        if (hit.indicator() == Indicator.UNIT_PRICE && args.size() > 6 && (args.get(6) == null
                || args.get(6).toString().isBlank())) {
            return I18n.text(locale, "flags.unit-price.why.nounit", args.toArray()); // the line names no unit
        }
        return I18n.text(locale, "flags." + hit.indicator().id + ".why", args.toArray());
    }

    /** The reason a record could not be judged. */
    public static String reason(String reason, Locale locale) {
        return I18n.text(locale, "flags.reason." + reason);
    }

    /** The miscalibration warning of an indicator past the noise rate. */
    public static String noisy(double noiseRate, Locale locale) {
        return I18n.text(locale, "flags.noisy", percent(noiseRate));
    }

    /** A line's rate as a whole percent where it is one: "10 %". */
    public static String percent(double rate) {
        return Formats.percent(rate).replace(",0 ", " ").replace(".0 ", " ");
    }

    public static String notice(Locale locale) {
        return I18n.text(locale, "flags.notice");
    }
}
