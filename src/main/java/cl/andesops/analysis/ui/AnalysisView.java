package cl.andesops.analysis.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.slf4j.LoggerFactory;

import cl.andesops.analysis.Analysis;
import cl.andesops.analysis.AnalysisKind;
import cl.andesops.analysis.AnalysisPdf;
import cl.andesops.analysis.AnalysisService;
import cl.andesops.analysis.Analyst;
import cl.andesops.analysis.Facts;
import cl.andesops.analysis.FactsService;
import cl.andesops.analysis.NarrativeLimits;
import cl.andesops.analysis.Subject;
import cl.andesops.orders.OrderService;
import cl.andesops.orders.Party;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.CoalescedPush;
import cl.andesops.shared.ui.MainLayout;
import cl.andesops.tenders.TenderSearch;

/**
 * Análisis IA: pick a tender, a buyer, a supplier or a market slice ({@link SubjectPicker}); the facts show at once
 * ({@link FactsPanel}), then a language model's narrative streams in by push ({@link NarrativePanel}), citing those
 * records. Cached answers are instant; every analysis exports as PDF and opens again from its shared link.
 */
@Route(value = "analysis", layout = MainLayout.class)
@Menu(title = "nav.analysis", order = 4, icon = "vaadin:lightbulb")
@AnonymousAllowed
public class AnalysisView extends VerticalLayout implements BeforeEnterObserver, com.vaadin.flow.i18n.LocaleChangeObserver, com.vaadin.flow.router.HasDynamicTitle {

    private final AnalysisService service;
    /** The language the screen was built in. */
    private final java.util.Locale builtIn = getLocale();
    /** Shown until something is analysed: useful first subjects instead of an empty form. */
    final StartingPoints start;
    /** Demo mode: the report, its PDF and its shared link say the records are simulated. */
    private final boolean simulated;
    final SubjectPicker picker;
    final FactsPanel factsPanel = new FactsPanel();
    final NarrativePanel narrativePanel = new NarrativePanel();
    // the parts' fields, as tests reach them
    final Select<AnalysisKind> kind;
    final ComboBox<SubjectPicker.TenderOption> tender;
    final ComboBox<Party> supplier;
    final DatePicker from;
    final Button analyse;
    final Span status = narrativePanel.status;
    final Div verdict = narrativePanel.verdict;
    final Anchor pdf = new Anchor();
    final TextField shareLink = new TextField(getTranslation("analysis.share"));
    private final Div result = new Div();
    private final Paragraph message = new Paragraph();

    /** What is on screen: the facts (and narrative, once written) of the current subject. */
    Analysis current;
    private AnalysisService.Prepared prepared;
    private Analyst.Handle running;
    private long clickedAt;
    /** Click to first streamed token, for the status line. */
    long firstTokenMillis = -1;
    String urlQuery = "";
    private String baseUrl = "";
    /** Which facts request is the current one: a slower earlier one must not overwrite a later one. */
    private long opening;

    private final boolean admin;

    /** What is said when no language model is configured: the variables to set to the admin, a plain sentence to others. */
    static String noModel(boolean admin, java.util.Locale locale) {
        return cl.andesops.shared.I18n.text(locale, admin ? "analysis.nokey" : "analysis.nomodel");
    }

    AnalysisView(AnalysisService service, FactsService facts, TenderSearch search, OrderService orders, Clock clock,
                 com.vaadin.flow.spring.security.AuthenticationContext auth, cl.andesops.shared.DataOrigin origin,
                 cl.andesops.orders.monitor.MonitorService monitor) {
        this.service = service;
        this.simulated = origin.simulated();
        this.admin = auth.isAuthenticated(); // only the admin signs in
        this.picker = new SubjectPicker(facts, search, orders, LocalDate.now(clock.withZone(Formats.CHILE)));
        kind = picker.kind;
        tender = picker.tender;
        supplier = picker.supplier;
        from = picker.from;
        analyse = picker.analyse;
        setId("analysis-view");
        addClassName("view");
        H1 title = new H1(getTranslation("analysis.title"));
        Paragraph intro = new Paragraph(getTranslation("analysis.intro"));
        intro.addClassName("muted");
        picker.addAnalyseListener(e -> analyse());
        picker.addCancelListener(e -> cancelRunning(getTranslation("analysis.cancelled")));
        pdf.setText(getTranslation("analysis.pdf"));
        pdf.setId("analysis-pdf");
        pdf.getElement().setAttribute("download", true);
        shareLink.setReadOnly(true);
        shareLink.setWidth("min(32rem, 100%)");
        shareLink.setId("analysis-share");
        message.setId("analysis-message");
        result.addClassName("analysis-result");
        start = new StartingPoints(monitor, search, clock);
        add(new Div(title, intro), picker, message, start, result);
        result.setVisible(false);
    }

    /**
     * A language chosen while this screen is open: it is drawn again from its address (the subject, or the shared
     * analysis's id, is in it), in the new language.
     */
    @Override
    public void localeChange(com.vaadin.flow.i18n.LocaleChangeEvent event) {
        if (isAttached() && !event.getLocale().getLanguage().equals(builtIn.getLanguage())) {
            event.getUI().getPage().reload();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }

    /** Facts at once; then the cached narrative, or a fresh one streamed when a model is configured. */
    void analyse() {
        Optional<Subject> s = picker.subject();
        if (s.isEmpty()) {
            message.setText(kind.getValue() == AnalysisKind.MARKET ? getTranslation("analysis.pick.period")
                    : getTranslation("analysis.pick", getTranslation("analysis.kind." + kind.getValue().param())
                    .toLowerCase(getLocale())));
            return;
        }
        clickedAt = System.nanoTime();
        firstTokenMillis = -1;
        cancelRunning(null);
        writeUrl(s.get());
        open(s.get(), true);
    }

    /**
     * Computes the facts off the request thread (a large buyer's year is many queries) and shows them by push; the
     * page stays usable meanwhile and says what it is doing.
     */
    private void open(Subject s, boolean generate) {
        UI ui = UI.getCurrent();
        // who asks is known on the request's thread, not on the one that shows the facts later
        visitor = visitor();
        long ticket = ++opening;
        analyse.setEnabled(false);
        message.setText(getTranslation("analysis.computing"));
        java.util.Locale language = getLocale(); // read here, on the request's thread, not in the background
        CoalescedPush.supplyAsync(() -> service.prepare(s, language)).whenComplete((p, error) -> ui.access(() -> {
            if (ticket != opening) {
                return;         // another subject was asked for meanwhile
            }
            analyse.setEnabled(true);
            if (error != null) {
                LoggerFactory.getLogger(AnalysisView.class).error("Computing the facts of {} failed", s, error);
                message.setText(getTranslation("analysis.facts.failed"));
                return;
            }
            opened(s, p, generate);
        }));
    }

    private void opened(Subject s, Optional<AnalysisService.Prepared> p, boolean generate) {
        if (p.isEmpty()) {
            message.setText(getTranslation("analysis.nodata", getTranslation("analysis.kind." + s.kind().param())
                    .toLowerCase(getLocale()), s.key()));
            result.setVisible(false);
            return;
        }
        message.setText("");
        prepared = p.get();
        picker.show(s, prepared.facts().title());
        if (prepared.cached().isPresent()) {
            show(prepared.cached().get());
            narrativePanel.status(statusLine(prepared.cached().get()) + " · " + getTranslation("analysis.cached"));
            return;
        }
        show(service.factsOnly(prepared));
        if (!service.languageModelAvailable()) {
            narrativePanel.status(noModel(admin, getLocale()));
        } else if (!generate) {
            narrativePanel.status(getTranslation("analysis.press"));
        } else {
            stream();
        }
    }

    private void stream() {
        UI ui = UI.getCurrent();
        AtomicReference<String> soFar = new AtomicReference<>();
        // tokens come faster than a screen redraws: the latest text is drawn once per push
        CoalescedPush draw = new CoalescedPush(ui, Duration.ZERO, () -> {
            if (running != null && soFar.get() != null) {
                narrativePanel.parties(current == null ? null : current.facts().partyLinks());
                narrativePanel.render(soFar.get(), current == null ? List.of() : current.facts().sources());
            }
        });
        narrativePanel.startStreaming();
        narrativePanel.status(getTranslation("analysis.asking", String.join(", ", service.models())));
        picker.running(true);
        java.util.concurrent.atomic.AtomicBoolean refused = new java.util.concurrent.atomic.AtomicBoolean();
        running = service.run(prepared, visitor, new AnalysisService.Listener() {
            @Override
            public void started(String provider, String model) {
                // taken now, not when the UI's lock is had (after the whole answer, for a quick one)
                long first = (System.nanoTime() - clickedAt) / 1_000_000;
                ui.access(() -> {
                    firstTokenMillis = first;
                    narrativePanel.status(getTranslation("analysis.writing", provider + "/" + model));
                });
            }

            @Override
            public void text(String text) {
                soFar.set(text);
                draw.request();
            }

            @Override
            public void completed(Analysis analysis) {
                // both times from the click, so the first token never reads later than the whole answer
                long total = (System.nanoTime() - clickedAt) / 1_000_000;
                ui.access(() -> {
                    running = null;
                    show(analysis);
                    if (analysis.hasNarrative()) {
                        narrativePanel.announce(analysis.narrative(), analysis.facts().sources());
                    }
                    narrativePanel.status(statusLine(analysis, total) + (firstTokenMillis >= 0
                            ? " · " + getTranslation("analysis.firsttoken", Formats.count(firstTokenMillis)) : ""));
                });
            }

            @Override
            public void failed(String why) {
                ui.access(() -> {
                    running = null;
                    finishRunning();
                    narrativePanel.failed(why + " " + getTranslation("analysis.failed.retry"));
                });
            }

            @Override
            public void cut(String key, Object... args) {
                failed(getTranslation(key, args));
            }

            @Override
            public void refused(String why) {
                // called before run returns, on this thread: no access needed, and nothing is running
                refused.set(true);
                finishRunning();
                narrativePanel.status(why);
            }
        });
        if (refused.get()) {
            running = null; // the refusal came before run returned its (idle) handle
        }
    }

    /** Who opened the current subject, for the limits on narratives. */
    NarrativeLimits.Visitor visitor = new NarrativeLimits.Visitor("?", "?");

    /** This visitor: the HTTP session and the client's address (call on the request's thread). */
    static NarrativeLimits.Visitor visitor() {
        com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        return new NarrativeLimits.Visitor(session == null || session.getSession() == null ? "?"
                : session.getSession().getId(), request == null ? "?" : request.getRemoteAddr());
    }

    private void cancelRunning(String why) {
        if (running != null) {
            running.cancel();
            running = null;
            if (why != null) {
                narrativePanel.status(why);
            }
        }
        finishRunning();
    }

    private void finishRunning() {
        picker.running(false);
        narrativePanel.stopStreaming();
    }

    /** Puts an analysis on screen: narrative (if any), verdict, facts, export and share link. */
    void show(Analysis a) {
        start.setVisible(false);
        finishRunning();
        current = a;
        result.setVisible(true);
        result.removeAll();
        Facts f = a.facts();
        Div header = new Div(new H2(f.title()), new Span(f.subtitle()));
        if (f.profile() != null) {
            Anchor profile = new Anchor(f.profile(), getTranslation("analysis.profile"));
            profile.setId("analysis-profile");
            header.add(new Span(" · "), profile);
        }
        if (simulated) {
            Span demo = new Span(getTranslation("record.simulated"));
            demo.getElement().getThemeList().add("badge contrast");
            demo.getElement().setAttribute("title", getTranslation("record.simulated.tooltip"));
            demo.setId("analysis-simulated");
            header.add(new Span(" "), demo);
        }
        header.addClassName("analysis-header");
        pdf.setHref(DownloadHandler.fromInputStream(event -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AnalysisPdf.write(a, shareUrl(a), simulated, getLocale(), out);
            return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()), AnalysisAddress.fileName(a, simulated),
                    "application/pdf",
                    out.size());
        }));
        shareLink.setValue(shareUrl(a));
        HorizontalLayout tools = new HorizontalLayout(VaadinIcon.FILE_TEXT_O.create(), pdf, shareLink);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        tools.addClassName("analysis-tools");
        narrativePanel.parties(f.partyLinks());
        narrativePanel.render(a.hasNarrative() ? a.narrative() : null, f.sources());
        narrativePanel.showVerdict(a, service);
        factsPanel.show(f);
        result.add(header, tools, narrativePanel, factsPanel);
        if (!a.hasNarrative() && !service.languageModelAvailable()) {
            narrativePanel.status(noModel(admin, getLocale()));
        }
    }

    private String statusLine(Analysis a) {
        return statusLine(a, a.millis());
    }

    /** With {@code totalMillis}: the time the answer took, as the visitor waited it (from the click). */
    private String statusLine(Analysis a, long totalMillis) {
        if (!a.hasNarrative()) {
            return service.languageModelAvailable() ? "" : noModel(admin, getLocale());
        }
        return getTranslation("analysis.written", a.model(), Formats.count(a.promptTokens()),
                Formats.count(a.completionTokens())) + (a.tokensEstimated() ? " " + getTranslation("analysis.estimated") : "")
                + " · " + Formats.decimal(totalMillis / 1000.0, 1) + " s" + " · "
                + Formats.dateTime(a.createdAt());
    }

    /** A stored analysis by its id; the facts alone (not stored) by the subject's address. */
    private String shareUrl(Analysis a) {
        return a.id() != null ? baseUrl + "analysis?id=" + a.id() : baseUrl + "analysis?" + urlQuery;
    }



    private void writeUrl(Subject s) {
        urlQuery = AnalysisAddress.of(s).getQueryString();
        UI.getCurrent().getPage().getHistory().replaceState(null, "analysis?" + urlQuery);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        baseUrl = cl.andesops.shared.ui.UrlParams.baseUrl();
        opening++;
        analyse.setEnabled(true);
        cancelRunning(null);
        current = null;
        prepared = null;
        result.setVisible(false);
        start.setVisible(true);
        message.setText("");
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        urlQuery = event.getLocation().getQueryParameters().getQueryString(); // the facts' own address, to share
        Optional<String> id = AnalysisAddress.id(q);
        if (id.isPresent()) {
            Optional<Analysis> shared = service.load(id.get());
            if (shared.isPresent()) {
                kind.setValue(shared.get().kind());
                show(shared.get());
                narrativePanel.status(statusLine(shared.get()) + " · " + getTranslation("analysis.shared"));
            } else {
                message.setText(getTranslation("analysis.missing"));
            }
            return;
        }
        Optional<AnalysisKind> k = AnalysisKind.fromParam(AnalysisAddress.first(q, "kind"));
        if (k.isEmpty()) {
            return;
        }
        kind.setValue(k.get());
        Optional<Subject> s = AnalysisAddress.subject(k.get(), q);
        if (s.isEmpty()) {
            return;
        }
        if (k.get() == AnalysisKind.MARKET) {
            picker.show(s.get(), null);
        }
        clickedAt = System.nanoTime();
        open(s.get(), false);
    }


    /** The browser tab's title, in the page's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("title.analysis") + " · AndesOps";
    }
}
