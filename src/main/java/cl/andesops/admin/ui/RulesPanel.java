package cl.andesops.admin.ui;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

import cl.andesops.rules.RuleBook.Rule;
import cl.andesops.rules.RuleTable;
import cl.andesops.rules.Rules;
import cl.andesops.rules.SiiUtm;
import cl.andesops.rules.UtmValue;
import cl.andesops.shared.format.Formats;

/**
 * Chile's procurement rules the indicators apply: those in force today with their source, the UTM of each month
 * with where it comes from, SII's last reading, and a month's UTM typed by hand (it wins over the shipped value).
 */
class RulesPanel extends Div {

    final Grid<Rule> inForce = new Grid<>();
    final Grid<UtmValue> utm = new Grid<>();
    final TextField month = new TextField();
    final TextField pesos = new TextField();
    final Button save = new Button();
    final Paragraph status = new Paragraph();
    private final Rules rules;
    private final SiiUtm sii;
    private final LocalDate today;

    RulesPanel(Rules rules, SiiUtm sii, LocalDate today) {
        this.rules = rules;
        this.sii = sii;
        this.today = today;
        setId("admin-rules");
        inForce.setId("rules-in-force");
        inForce.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        String lang = getLocale() == null ? "es" : getLocale().getLanguage();
        inForce.addColumn(r -> r.name(lang)).setHeader(getTranslation("admin.rules.rule")).setFlexGrow(2);
        inForce.addColumn(r -> period(r)).setHeader(getTranslation("admin.rules.period")).setAutoWidth(true);
        inForce.addColumn(Rule::source).setHeader(getTranslation("admin.rules.source")).setFlexGrow(3);
        inForce.setAllRowsVisible(true);

        utm.setId("rules-utm");
        utm.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        utm.addColumn(v -> v.month().toString()).setHeader(getTranslation("admin.rules.month")).setAutoWidth(true);
        utm.addColumn(v -> Formats.count(v.pesos())).setHeader("UTM (CLP)").setAutoWidth(true);
        utm.addColumn(v -> getTranslation("admin.rules.utm." + v.source().name().toLowerCase(java.util.Locale.ROOT)))
                .setHeader(getTranslation("admin.rules.source")).setFlexGrow(1);
        utm.setHeight("16rem");

        month.setId("rules-utm-month");
        month.setLabel(getTranslation("admin.rules.month"));
        month.setPattern("\\d{4}-\\d{2}");
        month.setPlaceholder("AAAA-MM");
        month.setWidth("8rem");
        pesos.setId("rules-utm-pesos");
        pesos.setLabel("UTM (CLP)");
        pesos.setPattern("\\d{5,7}");
        pesos.setWidth("8rem");
        save.setId("rules-utm-save");
        save.setText(getTranslation("admin.rules.save"));
        save.addClickListener(e -> saveMonth());
        HorizontalLayout entry = new HorizontalLayout(month, pesos, save);
        entry.setAlignItems(FlexComponent.Alignment.BASELINE);
        entry.setWrap(true);
        status.setId("rules-sii");
        status.addClassName("muted");
        add(new Paragraph(getTranslation("admin.rules.intro")), inForce, new H3(getTranslation("admin.rules.utm")),
                status, utm, entry);
        refresh();
    }

    private String period(Rule r) {
        if (r.from() == null && r.to() == null) {
            return getTranslation("admin.rules.always");
        }
        return (r.from() == null ? "…" : Formats.date(r.from())) + " – " + (r.to() == null ? "…" : Formats.date(r.to()));
    }

    private void saveMonth() {
        try {
            YearMonth m = YearMonth.parse(month.getValue().strip());
            long p = Long.parseLong(pesos.getValue().strip().replace(".", ""));
            boolean changed = rules.setUtm(m, p, UtmValue.Source.MANUAL);
            Notification.show(getTranslation(changed ? "admin.rules.saved" : "admin.rules.same", m.toString()));
        } catch (DateTimeParseException | NumberFormatException e) {
            Notification.show(getTranslation("admin.rules.bad"));
        } catch (IllegalArgumentException e) {
            Notification.show(getTranslation("admin.rules.incredible"));
        }
        refresh();
    }

    void refresh() {
        RuleTable t = rules.table();
        inForce.setItems(t.inForce(today).stream().filter(r -> !r.kind().equals(RuleTable.PARAMETER)).toList());
        utm.setItems(t.utmMonths().reversed());
        UtmValue now = t.utm(today);
        String current = getTranslation(now.assumed() ? "admin.rules.utm.assumed" : "admin.rules.utm.now",
                Formats.count(now.pesos()), now.knownMonth().toString(), t.book().version());
        SiiUtm.Status s = sii.status();
        String reading = !sii.enabled() ? getTranslation("admin.rules.sii.off")
                : s == null ? getTranslation("admin.rules.sii.pending")
                : s.ok() ? getTranslation("admin.rules.sii.ok", Formats.dateTime(s.at()), s.months(), s.added())
                : getTranslation("admin.rules.sii.failed", Formats.dateTime(s.at()), s.problem());
        status.setText(current + " " + reading);
    }
}
