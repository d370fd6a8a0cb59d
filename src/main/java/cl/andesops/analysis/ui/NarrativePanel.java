package cl.andesops.analysis.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import cl.andesops.analysis.Analysis;
import cl.andesops.analysis.AnalysisService;
import cl.andesops.analysis.Facts;
import cl.andesops.analysis.Narrative;

/** The language model's narrative (rendered as it streams), its status line and the verdict drawn from it. */
class NarrativePanel extends Div {

    final Span status = new Span();
    final Div narrative = new Div();
    final Div verdict = new Div();
    /** Says the finished narrative once: the narrative itself is not live, or a reader hears every token. */
    final Span announcer = new Span();

    NarrativePanel() {
        status.setId("analysis-status");
        status.addClassName("muted");
        narrative.setId("narrative");
        narrative.addClassName("narrative");
        announcer.setId("narrative-announcer");
        announcer.addClassName("sr-only");
        announcer.getElement().setAttribute("role", "status");
        announcer.getElement().setAttribute("aria-live", "polite");
        verdict.setId("verdict");
        addClassName("analysis-narrative");
        add(new H2(getTranslation("analysis.narrative")), status, narrative, announcer, verdict);
    }

    void status(String text) {
        status.setText(text);
    }

    /** A failure: said in the status line, marked as an error until the next run. */
    void failed(String text) {
        status.setText(text);
        status.addClassName("error-text");
    }

    void startStreaming() {
        announcer.setText("");
        narrative.getElement().setAttribute("aria-busy", "true");
        narrative.removeAll();
        narrative.getElement().setProperty("innerHTML", "");
        narrative.addClassName("streaming");
    }

    void stopStreaming() {
        narrative.getElement().removeAttribute("aria-busy");
        narrative.removeClassName("streaming");
        status.removeClassName("error-text");
    }

    /** The parties the facts name (name → profile): the narrative links their first mention. */
    private java.util.Map<String, String> parties = java.util.Map.of();

    void parties(java.util.Map<String, String> linked) {
        parties = linked == null ? java.util.Map.of() : linked;
    }

    /** The Markdown written so far, as safe HTML with citations linked to the facts' sources. */
    void render(String markdown, List<Facts.Source> sources) {
        narrative.getElement().setProperty("innerHTML", markdown == null ? "" : Narrative.html(markdown, sources, getTranslation("analysis.unverified"), parties));
    }

    /** A narrative written to its end: said once to a screen reader, in plain words (what the page shows). */
    void announce(String markdown, List<Facts.Source> sources) {
        announcer.setText(org.jsoup.Jsoup.parse(Narrative.html(markdown, sources, getTranslation("analysis.unverified"), parties)).text());
    }

    /** The verdict of a finished analysis: a bid recommendation for a tender, findings and red flags otherwise. */
    void showVerdict(Analysis a, AnalysisService service) {
        verdict.removeAll();
        List<Facts.Source> sources = a.facts().sources();
        service.bidAdvice(a).ifPresent(b -> {
            Span badge = new Span(switch (String.valueOf(b.recommendation())) {
                case "POSTULAR" -> getTranslation("analysis.bid.yes");
                case "NO_POSTULAR" -> getTranslation("analysis.bid.no");
                default -> getTranslation("analysis.bid.maybe");
            });
            badge.getElement().getThemeList().add("badge " + ("POSTULAR".equals(b.recommendation()) ? "success"
                    : "NO_POSTULAR".equals(b.recommendation()) ? "error" : "contrast"));
            badge.setId("recommendation");
            verdict.add(badge);
            list(getTranslation("analysis.reasons"), b.reasons(), sources);
            list(getTranslation("analysis.requirements"), b.requirements(), sources);
            list(getTranslation("analysis.risks"), b.risks(), sources);
        });
        service.findings(a).ifPresent(fs -> {
            list(getTranslation("analysis.findings"), fs.findings(), sources);
            list(getTranslation("analysis.redflags"), fs.redFlags(), sources);
        });
    }

    private void list(String title, List<String> items, List<Facts.Source> sources) {
        if (items == null || items.isEmpty()) {
            return;
        }
        UnorderedList ul = new UnorderedList();
        for (String item : items) {
            ListItem li = new ListItem();
            li.getElement().setProperty("innerHTML", Narrative.html(item, sources, getTranslation("analysis.unverified"), parties).replaceAll("^<p>|</p>$", ""));
            ul.add(li);
        }
        Div box = new Div(new Span(title), ul);
        box.addClassName("verdict-list");
        verdict.add(box);
    }
}
