package cl.andesops.flags.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

import cl.andesops.flags.FlagWords;
import cl.andesops.flags.Flags;
import cl.andesops.shared.I18n;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.Period;

/** What the signal screens share: the notice, the period chooser, the figures in words. */
final class FlagParts {

    /** The periods offered, as the address writes them ({@code meses}). */
    static final List<String> MONTHS = List.of("3", "12", "24", "todo");

    private FlagParts() {
    }

    static Locale locale() {
        return UI.getCurrent() == null ? I18n.SPANISH : I18n.supported(UI.getCurrent().getLocale());
    }

    /** The words every screen of signals carries: a reason to look, not proof; no person named. */
    static Paragraph notice(Component owner) {
        Paragraph p = new Paragraph(owner.getTranslation("flags.notice"));
        p.setId("flags-notice");
        p.addClassName("flags-notice");
        return p;
    }

    /**
     * The period chooser; a period the address gives by its days (from a profile: {@code desde}/{@code hasta}) is
     * shown as those days, not as a number of months it is not.
     */
    static Select<String> months(Component owner, String value, Period period, boolean byDays) {
        Select<String> s = new Select<>();
        s.setId("flags-months");
        s.setLabel(owner.getTranslation("flags.period"));
        s.setItems(MONTHS);
        String days = owner.getTranslation("flags.sub", Formats.date(period.from()), Formats.date(period.to()));
        s.setItemLabelGenerator(m -> m == null ? days : owner.getTranslation("flags.period." + m));
        if (byDays) {
            s.setEmptySelectionAllowed(true);
            s.setEmptySelectionCaption(days);
            s.setValue(null);
        } else {
            s.setValue(MONTHS.contains(value) ? value : "12");
        }
        s.setWidth(byDays ? "22rem" : "16rem");
        s.getStyle().set("max-width", "100%");
        return s;
    }

    static String first(Map<String, List<String>> q, String key, String otherwise) {
        return cl.andesops.shared.ui.UrlParams.first(q, key, otherwise);
    }

    static String rate(double r) {
        return Formats.percent(r);
    }

    /** "↑ 3,2 % en los últimos 3 meses (1,1 % antes)", or a dash when either side judged nothing. */
    static String trend(com.vaadin.flow.component.Component owner, Flags.Coverage c) {
        if (c.recentRate() < 0 || c.earlierRate() < 0) {
            return "—";
        }
        String arrow = c.recentRate() > c.earlierRate() ? "↑" : c.recentRate() < c.earlierRate() ? "↓" : "=";
        return owner.getTranslation("flags.trend", arrow, rate(c.recentRate()), Flags.RECENT_MONTHS,
                rate(c.earlierRate()));
    }

    /** "3: sin ofertas en los datos 2, sin monto 1" (one reason alone: "3: sin monto"): how many, and why. */
    static String notJudged(Flags.Coverage c, Locale locale) {
        if (c.notJudged() == 0) {
            return Formats.count(0);
        }
        StringBuilder b = new StringBuilder(Formats.count(c.notJudged())).append(": ");
        if (c.notJudgedBy().size() == 1) {
            return b.append(FlagWords.reason(c.notJudgedBy().keySet().iterator().next(), locale)).toString();
        }
        String sep = "";
        for (Map.Entry<String, Long> e : c.notJudgedBy().entrySet()) {
            b.append(sep).append(FlagWords.reason(e.getKey(), locale)).append(' ').append(Formats.count(e.getValue()));
            sep = ", ";
        }
        return b.toString();
    }
}
