package cl.andesops.flags.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import cl.andesops.flags.FlagWords;
import cl.andesops.flags.Flags;
import cl.andesops.shared.I18n;
import cl.andesops.shared.ui.RecordSection;

/**
 * On a record's page, the integrity signals that fired on it: each with why in words and the records of its
 * evidence, leading to the signal's page; with the notice that a signal is a reason to look, not proof.
 */
@org.springframework.stereotype.Component
class FlagsRecordSection implements RecordSection {

    private final Flags flags;

    FlagsRecordSection(Flags flags) {
        this.flags = flags;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> section(String recordCode) {
        List<Flags.Hit> hits = flags.on(List.of(recordCode)).getOrDefault(recordCode, List.of());
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        Locale locale = FlagParts.locale();
        Div d = new Div(new H2(I18n.text(locale, "flags.record.title")));
        d.setId("record-flags");
        d.addClassName("flag-banner");
        Paragraph notice = new Paragraph(I18n.text(locale, "flags.notice"));
        notice.addClassName("flags-notice");
        d.add(notice);
        for (Flags.Hit h : hits) {
            Anchor name = new Anchor("flags/" + h.indicator().id, "⚠ " + FlagWords.name(h.indicator(), locale));
            name.addClassName("party-link");
            Div item = new Div(name, new Paragraph(FlagWords.why(h, locale)));
            item.addClassName("flag-record");
            if (!h.records().isEmpty()) {
                Div links = new Div();
                links.addClassName("flag-evidence");
                for (String code : h.records()) {
                    links.add(new Anchor(h.indicator().subject.path(code), code), new Span(" "));
                }
                item.add(links);
            }
            d.add(item);
        }
        return Optional.of(d);
    }
}
