package cl.andesops.flags.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

import cl.andesops.flags.FlagWords;
import cl.andesops.flags.Flags;
import cl.andesops.flags.Indicator;
import cl.andesops.shared.I18n;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.PartyKeys;
import cl.andesops.shared.format.Period;
import cl.andesops.shared.ui.ProfileSection;

/**
 * The integrity signals of a buyer's or a supplier's records in the profile's period: each signal that fired, how
 * many times, leading to those records; with the notice that a signal is a reason to look, not proof.
 */
@org.springframework.stereotype.Component
public class FlagsProfileSection implements ProfileSection {

    private final Flags flags;

    FlagsProfileSection(Flags flags) {
        this.flags = flags;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> section(PartyKeys.Kind kind, String key, Period period) {
        Locale locale = FlagParts.locale();
        List<String> keys = flags.keysOf(kind, key);
        Map<Indicator, Long> fired = flags.firedFor(kind, keys, period);
        Div d = new Div(new H2(I18n.text(locale, "flags.profile.title")));
        d.setId("profile-flags");
        d.addClassName("card");
        Paragraph notice = new Paragraph(I18n.text(locale, "flags.notice"));
        notice.addClassName("flags-notice");
        d.add(notice);
        if (kind == PartyKeys.Kind.BUYER) {
            flags.singleBidContext(key, period).ifPresent(c -> d.add(context(c, locale)));
        }
        if (fired.isEmpty()) {
            d.add(new Paragraph(I18n.text(locale, "flags.profile.none")));
            return Optional.of(d);
        }
        UnorderedList list = new UnorderedList();
        String party = kind == PartyKeys.Kind.BUYER ? "comprador" : "proveedor";
        fired.forEach((i, n) -> {
            Anchor a = new Anchor("flags/" + i.id + "?" + party + "=" + key + "&desde=" + period.from() + "&hasta="
                    + period.to(), FlagWords.name(i, locale));
            a.addClassName("party-link");
            list.add(new ListItem(a, new com.vaadin.flow.component.html.Span(": " + count(n, locale))));
        });
        d.add(list);
        return Optional.of(d);
    }

    /** The buyer's single-bid share beside its sector's: a context rate, not a signal. */
    public static Paragraph context(Flags.Context c, Locale locale) {
        String mine = I18n.text(locale, "flags.context.single-bid", Formats.count(c.fired()),
                Formats.count(c.applicable()), FlagParts.rate(c.rate()));
        String peers = c.comparable()
                ? I18n.text(locale, "flags.context.peers", Formats.count(c.peers()), c.sector(),
                FlagParts.rate(c.peersMedian()))
                : I18n.text(locale, "flags.context.few-peers", Formats.count(c.peers()), c.sector());
        Paragraph p = new Paragraph(mine + " " + peers);
        p.setId("profile-flags-context");
        return p;
    }

    /** "1 registro", "12 registros". */
    static String count(long n, Locale locale) {
        return I18n.text(locale, n == 1 ? "flags.profile.count.one" : "flags.profile.count", Formats.count(n));
    }
}
