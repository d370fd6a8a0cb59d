package cl.andesops.analysis.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.slf4j.LoggerFactory;

import cl.andesops.analysis.Analysis;
import cl.andesops.analysis.AnalysisKind;
import cl.andesops.analysis.AnalysisPdf;
import cl.andesops.analysis.AnalysisService;
import cl.andesops.analysis.Analyst;
import cl.andesops.analysis.Facts;
import cl.andesops.analysis.FactsService;
import cl.andesops.analysis.Narrative;
import cl.andesops.analysis.Subject;
import cl.andesops.orders.OrderService;
import cl.andesops.orders.Party;
import cl.andesops.shared.chart.ChartOptions;
import cl.andesops.shared.chart.EChart;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.MainLayout;
import cl.andesops.tenders.TenderHit;
import cl.andesops.tenders.TenderQuery;
import cl.andesops.tenders.TenderSearch;

/**
 * Análisis IA: pick a tender, a buyer, a supplier or a market slice; the facts show at once (tables and a chart,
 * each figure with the records behind it), then a language model's narrative streams in by push, citing those
 * records. Cached answers are instant; every analysis exports as PDF and opens again from its shared link.
 */
@Route(value = "analysis", layout = MainLayout.class)
@PageTitle("Análisis IA · AndesOps")
@Menu(title = "nav.analysis", order = 4, icon = "vaadin:lightbulb")
@AnonymousAllowed
public class AnalysisView extends VerticalLayout implements BeforeEnterObserver {

    /** A tender in the picker. */
    public record TenderOption(String code, String name) {
    }

    private final AnalysisService service;
    private final FactsService facts;
    private final TenderSearch search;
    private final OrderService orders;

    final Select<AnalysisKind> kind = new Select<>();
    final ComboBox<TenderOption> tender = new ComboBox<>("Licitación");
    final ComboBox<Party> buyer = new ComboBox<>("Comprador");
    final ComboBox<Party> supplier = new ComboBox<>("Proveedor");
    final ComboBox<String[]> category = new ComboBox<>("Categoría (UNSPSC)");
    final ComboBox<String> region = new ComboBox<>("Región");
    final DatePicker from = new DatePicker("Desde");
    final DatePicker to = new DatePicker("Hasta");
    final Button analyse = new Button("Analizar", VaadinIcon.MAGIC.create());
    final Button cancel = new Button("Cancelar", VaadinIcon.STOP.create());
    final Span status = new Span();
    final Div narrative = new Div();
    final Div verdict = new Div();
    final Div factsPanel = new Div();
    final Anchor pdf = new Anchor();
    final TextField shareLink = new TextField("Enlace para compartir");
    private final Div result = new Div();
    private final Paragraph message = new Paragraph();

    /** What is on screen: the facts (and narrative, once written) of the current subject. */
    Analysis current;
    private AnalysisService.Prepared prepared;
    private Analyst.Handle running;
    private final AtomicReference<String> pendingText = new AtomicReference<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private long clickedAt;
    /** Click to first streamed token, for the status line. */
    long firstTokenMillis = -1;
    String urlQuery = "";
    private String baseUrl = "";
    /** Which facts request is the current one: a slower earlier one must not overwrite a later one. */
    private long opening;
    private static final java.util.concurrent.Executor FACTS = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    AnalysisView(AnalysisService service, FactsService facts, TenderSearch search, OrderService orders) {
        this.service = service;
        this.facts = facts;
        this.search = search;
        this.orders = orders;
        setId("analysis-view");
        addClassName("view");
        H2 title = new H2("Análisis IA");
        Paragraph intro = new Paragraph("Hechos calculados de los datos sincronizados, y un modelo de lenguaje que los "
                + "explica citando los registros.");
        intro.addClassName("muted");

        kind.setLabel("Analizar");
        kind.setItems(AnalysisKind.values());
        kind.setItemLabelGenerator(AnalysisKind::label);
        kind.setValue(AnalysisKind.TENDER);
        kind.addValueChangeListener(e -> showPickers());

        tender.setItemLabelGenerator(t -> t.code() + " · " + t.name());
        tender.setItems(q -> search.search(TenderQuery.text(q.getFilter().orElse("")), q.getOffset(), q.getLimit())
                .hits().stream().map(AnalysisView::option));
        tender.setPlaceholder("Código o palabras");
        buyer.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        buyer.setItems(q -> orders.buyers(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        supplier.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        supplier.setItems(q -> orders.suppliers(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        for (ComboBox<?> c : List.of(tender, buyer, supplier)) {
            c.setWidth("28rem");
            c.setClearButtonVisible(true);
        }
        category.setItemLabelGenerator(c -> c[0] + " " + c[1]);
        category.setClearButtonVisible(true);
        category.setPlaceholder("Todas");
        category.setWidth("20rem");
        region.setClearButtonVisible(true);
        region.setPlaceholder("Todas");
        category.setItems(facts.knownCategories());
        region.setItems(facts.knownRegions());
        LocalDate today = LocalDate.now(Formats.CHILE);
        from.setValue(today.minusDays(89));
        to.setValue(today);
        from.setMax(today);
        to.setMax(today);

        analyse.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        analyse.setId("analyse");
        analyse.addClickListener(e -> analyse());
        cancel.setId("cancel-analysis");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.setVisible(false);
        cancel.addClickListener(e -> cancelRunning("Cancelado. Los hechos siguen disponibles."));

        HorizontalLayout pickers = new HorizontalLayout(kind, tender, buyer, supplier, category, region, from, to,
                analyse, cancel);
        pickers.setWrap(true);
        pickers.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        pickers.addClassName("analysis-pickers");

        status.setId("analysis-status");
        status.addClassName("muted");
        narrative.setId("narrative");
        narrative.addClassName("narrative");
        narrative.getElement().setAttribute("aria-live", "polite");
        verdict.setId("verdict");
        factsPanel.setId("analysis-facts");
        pdf.setText("Exportar PDF");
        pdf.setId("analysis-pdf");
        pdf.getElement().setAttribute("download", true);
        shareLink.setReadOnly(true);
        shareLink.setWidth("32rem");
        shareLink.setId("analysis-share");
        message.setId("analysis-message");
        result.addClassName("analysis-result");
        add(new Div(title, intro), pickers, message, result);
        showPickers();
        result.setVisible(false);
    }

    private static TenderOption option(TenderHit h) {
        return new TenderOption(h.code(), h.name());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }

    private void showPickers() {
        AnalysisKind k = kind.getValue();
        tender.setVisible(k == AnalysisKind.TENDER);
        buyer.setVisible(k == AnalysisKind.BUYER);
        supplier.setVisible(k == AnalysisKind.SUPPLIER);
        for (Component c : List.of(category, region, from, to)) {
            c.setVisible(k == AnalysisKind.MARKET);
        }
    }

    /** The subject the pickers describe; empty (with a message) when one is missing. */
    Optional<Subject> subject() {
        AnalysisKind k = kind.getValue();
        return switch (k) {
            case TENDER -> Optional.ofNullable(tender.getValue()).map(t -> new Subject(k, t.code()));
            case BUYER -> Optional.ofNullable(buyer.getValue()).map(p -> new Subject(k, p.code()));
            case SUPPLIER -> Optional.ofNullable(supplier.getValue()).map(p -> new Subject(k, p.code()));
            case MARKET -> {
                if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
                    yield Optional.empty();
                }
                yield Optional.of(Subject.market(new Subject.Slice(
                        category.getValue() == null ? null : category.getValue()[0], region.getValue(),
                        from.getValue(), to.getValue())));
            }
        };
    }

    /** Facts at once; then the cached narrative, or a fresh one streamed when a model is configured. */
    void analyse() {
        Optional<Subject> s = subject();
        if (s.isEmpty()) {
            message.setText(kind.getValue() == AnalysisKind.MARKET ? "Elija un período válido (desde ≤ hasta)."
                    : "Elija qué analizar: " + kind.getValue().label().toLowerCase(Formats.ES_CL) + ".");
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
        long ticket = ++opening;
        analyse.setEnabled(false);
        message.setText("Calculando los hechos…");
        CompletableFuture.supplyAsync(() -> service.prepare(s), FACTS).whenComplete((p, error) -> ui.access(() -> {
            if (ticket != opening) {
                return;         // another subject was asked for meanwhile
            }
            analyse.setEnabled(true);
            if (error != null) {
                LoggerFactory.getLogger(AnalysisView.class).error("Computing the facts of {} failed", s, error);
                message.setText("No se pudieron calcular los hechos. Intente de nuevo.");
                return;
            }
            opened(s, p, generate);
        }));
    }

    private void opened(Subject s, Optional<AnalysisService.Prepared> p, boolean generate) {
        if (p.isEmpty()) {
            message.setText("No hay datos para " + s.kind().label().toLowerCase(Formats.ES_CL) + " " + s.key()
                    + ". Puede que la sincronización aún no lo haya traído.");
            result.setVisible(false);
            return;
        }
        message.setText("");
        prepared = p.get();
        String title = prepared.facts().title();
        switch (s.kind()) {
            case TENDER -> tender.setValue(new TenderOption(s.key(), title));
            case BUYER -> buyer.setValue(new Party(s.key(), title));
            case SUPPLIER -> supplier.setValue(new Party(s.key(), title));
            default -> { }
        }
        if (prepared.cached().isPresent()) {
            show(prepared.cached().get());
            status.setText(statusLine(prepared.cached().get()) + " · desde caché");
            return;
        }
        show(service.factsOnly(prepared));
        if (!service.languageModelAvailable()) {
            status.setText(AnalysisService.NO_KEY_HINT);
            return;
        }
        if (!generate) {
            status.setText("Pulse «Analizar» para que un modelo escriba la narrativa.");
            return;
        }
        stream();
    }

    private void stream() {
        UI ui = UI.getCurrent();
        narrative.removeAll();
        narrative.getElement().setProperty("innerHTML", "");
        narrative.addClassName("streaming");
        status.setText("Consultando " + String.join(", ", service.models()) + "…");
        cancel.setVisible(true);
        analyse.setEnabled(false);
        running = service.run(prepared, new AnalysisService.Listener() {
            @Override
            public void started(String provider, String model) {
                ui.access(() -> {
                    firstTokenMillis = (System.nanoTime() - clickedAt) / 1_000_000;
                    status.setText("Escribiendo: " + provider + "/" + model + "…");
                });
            }

            @Override
            public void text(String soFar) {
                pendingText.set(soFar);
                if (flushScheduled.compareAndSet(false, true)) {
                    ui.access(() -> {
                        flushScheduled.set(false);
                        String t = pendingText.get();
                        if (t != null && running != null) {
                            renderNarrative(t);
                        }
                    });
                }
            }

            @Override
            public void completed(Analysis analysis) {
                ui.access(() -> {
                    running = null;
                    show(analysis);
                    status.setText(statusLine(analysis) + (firstTokenMillis >= 0
                            ? " · primer token a los " + firstTokenMillis + " ms" : ""));
                });
            }

            @Override
            public void failed(String why) {
                ui.access(() -> {
                    running = null;
                    finishRunning();
                    status.setText(why + " Los hechos siguen disponibles; puede intentarlo de nuevo.");
                    status.addClassName("error-text");
                });
            }
        });
    }

    private void cancelRunning(String why) {
        if (running != null) {
            running.cancel();
            running = null;
            if (why != null) {
                status.setText(why);
            }
        }
        finishRunning();
    }

    private void finishRunning() {
        cancel.setVisible(false);
        analyse.setEnabled(true);
        narrative.removeClassName("streaming");
        status.removeClassName("error-text");
    }

    private void renderNarrative(String markdown) {
        List<Facts.Source> sources = current == null ? List.of() : current.facts().sources();
        narrative.getElement().setProperty("innerHTML", Narrative.html(markdown, sources));
    }

    /** Puts an analysis on screen: narrative (if any), verdict, facts, export and share link. */
    void show(Analysis a) {
        finishRunning();
        current = a;
        result.setVisible(true);
        result.removeAll();
        Facts f = a.facts();
        Div header = new Div(new H3(f.title()), new Span(f.subtitle()));
        header.addClassName("analysis-header");
        pdf.setHref(DownloadHandler.fromInputStream(event -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            AnalysisPdf.write(a, shareUrl(a), out);
            return new com.vaadin.flow.server.streams.DownloadResponse(
                    new java.io.ByteArrayInputStream(out.toByteArray()), fileName(a), "application/pdf", out.size());
        }));
        shareLink.setValue(shareUrl(a));
        HorizontalLayout tools = new HorizontalLayout(VaadinIcon.FILE_TEXT_O.create(), pdf, shareLink);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        tools.addClassName("analysis-tools");
        if (a.hasNarrative()) {
            renderNarrative(a.narrative());
        } else {
            narrative.getElement().setProperty("innerHTML", "");
        }
        renderVerdict(a);
        renderFacts(f);
        Div narrativeBox = new Div(new H3("Análisis"), status, narrative, verdict);
        narrativeBox.addClassName("analysis-narrative");
        result.add(header, tools, narrativeBox, factsPanel);
        if (!a.hasNarrative() && !service.languageModelAvailable()) {
            status.setText(AnalysisService.NO_KEY_HINT);
        }
    }

    private String statusLine(Analysis a) {
        if (!a.hasNarrative()) {
            return service.languageModelAvailable() ? "" : AnalysisService.NO_KEY_HINT;
        }
        return "Escrito por " + a.model() + " · " + Formats.count(a.promptTokens()) + " tokens de entrada, "
                + Formats.count(a.completionTokens()) + " de salida" + (a.tokensEstimated() ? " (estimados)" : "")
                + " · " + String.format(Formats.ES_CL, "%.1f s", a.millis() / 1000.0) + " · "
                + Formats.dateTime(a.createdAt());
    }

    private void renderVerdict(Analysis a) {
        verdict.removeAll();
        service.bidAdvice(a).ifPresent(b -> {
            Span badge = new Span(switch (String.valueOf(b.recommendation())) {
                case "POSTULAR" -> "Recomendación: postular";
                case "NO_POSTULAR" -> "Recomendación: no postular";
                default -> "Recomendación: evaluar";
            });
            badge.getElement().getThemeList().add("badge " + ("POSTULAR".equals(b.recommendation()) ? "success"
                    : "NO_POSTULAR".equals(b.recommendation()) ? "error" : "contrast"));
            badge.setId("recommendation");
            verdict.add(badge);
            list("Razones", b.reasons());
            list("Requisitos", b.requirements());
            list("Riesgos", b.risks());
        });
        service.findings(a).ifPresent(fs -> {
            list("Hallazgos", fs.findings());
            list("Señales de alerta", fs.redFlags());
        });
    }

    private void list(String title, List<String> items) {
        if (items == null || items.isEmpty()) {
            return;
        }
        UnorderedList ul = new UnorderedList();
        List<Facts.Source> sources = current.facts().sources();
        for (String item : items) {
            ListItem li = new ListItem();
            li.getElement().setProperty("innerHTML", Narrative.html(item, sources).replaceAll("^<p>|</p>$", ""));
            ul.add(li);
        }
        Div box = new Div(new Span(title), ul);
        box.addClassName("verdict-list");
        verdict.add(box);
    }

    private void renderFacts(Facts f) {
        factsPanel.removeAll();
        factsPanel.add(new H3("Hechos"));
        Div metrics = new Div();
        metrics.addClassName("facts");
        for (Facts.Metric m : f.metrics()) {
            Span label = new Span(m.label());
            label.addClassName("fact-label");
            Span value = new Span(m.value());
            value.addClassName("fact-value");
            Div cites = new Div();
            cites.addClassName("fact-sources");
            sourceLinks(m.sources()).forEach(cites::add);
            Div d = new Div(label, value, cites);
            d.addClassName("fact");
            metrics.add(d);
        }
        factsPanel.add(metrics);
        if (f.trend() != null && f.trend().labels().size() > 1) {
            EChart chart = new EChart();
            chart.setId("analysis-trend");
            chart.setWidthFull();
            chart.setHeight("280px");
            Map<String, List<? extends Number>> series = new LinkedHashMap<>();
            series.put("Monto (CLP)", f.trend().amounts());
            series.put("Órdenes", f.trend().counts());
            chart.setOption(ChartOptions.line(f.trend().title(), f.trend().labels(), series, true));
            factsPanel.add(chart);
        }
        for (Facts.Table t : f.tables()) {
            Grid<Facts.Row> grid = new Grid<>();
            for (int i = 0; i < t.columns().size(); i++) {
                int col = i;
                grid.addColumn(r -> col < r.cells().size() ? r.cells().get(col) : "").setHeader(t.columns().get(i))
                        .setAutoWidth(true).setResizable(true);
            }
            grid.addComponentColumn(r -> {
                Div d = new Div();
                sourceLinks(r.sources()).forEach(d::add);
                return d;
            }).setHeader("Fuentes").setAutoWidth(true);
            grid.setItems(t.rows());
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            factsPanel.add(new H3(t.title()), grid);
        }
        if (f.isEmpty()) {
            factsPanel.add(new Paragraph("No hay registros para este análisis en los datos sincronizados."));
        }
    }

    private static List<Component> sourceLinks(List<Facts.Source> sources) {
        List<Component> links = new ArrayList<>();
        for (Facts.Source s : sources) {
            Anchor a = new Anchor(s.type().appPath(s.code()), s.code());
            a.addClassName("cite");
            links.add(a);
        }
        return links;
    }

    private String shareUrl(Analysis a) {
        return baseUrl + "analysis?id=" + a.id();
    }

    /** The app's address as the browser sees it (forwarded headers honoured), for links that leave the page. */
    private static String currentBaseUrl() {
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        if (request == null) {
            return "";
        }
        String url = request.getRequestURL().toString();
        String context = request.getContextPath();
        int path = url.indexOf('/', url.indexOf("//") + 2);
        return (path < 0 ? url : url.substring(0, path)) + context + "/";
    }

    private static String fileName(Analysis a) {
        return "analisis-" + a.kind().param() + "-" + a.subject().replaceAll("[^A-Za-z0-9-]+", "_") + ".pdf";
    }

    private void writeUrl(Subject s) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("kind", s.kind().param());
        if (s.kind() == AnalysisKind.MARKET) {
            s.slice().ifPresent(slice -> {
                if (slice.category() != null) {
                    params.put("categoria", slice.category());
                }
                if (slice.region() != null) {
                    params.put("region", slice.region());
                }
                params.put("desde", slice.from().toString());
                params.put("hasta", slice.to().toString());
            });
        } else {
            params.put("subject", s.key());
        }
        QueryParameters q = QueryParameters.simple(params);
        urlQuery = q.getQueryString();
        UI.getCurrent().getPage().getHistory().replaceState(null, "analysis?" + urlQuery);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        baseUrl = currentBaseUrl();
        opening++;
        analyse.setEnabled(true);
        cancelRunning(null);
        current = null;
        prepared = null;
        result.setVisible(false);
        message.setText("");
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        String id = first(q, "id");
        if (id != null) {
            Optional<Analysis> shared = service.load(id);
            if (shared.isPresent()) {
                kind.setValue(shared.get().kind());
                show(shared.get());
                status.setText(statusLine(shared.get()) + " · análisis compartido");
            } else {
                message.setText("Ese enlace de análisis no existe o ya no está disponible.");
            }
            return;
        }
        Optional<AnalysisKind> k = AnalysisKind.fromParam(first(q, "kind"));
        if (k.isEmpty()) {
            return;
        }
        kind.setValue(k.get());
        Subject s;
        if (k.get() == AnalysisKind.MARKET) {
            try {
                Subject.Slice slice = new Subject.Slice(first(q, "categoria"), first(q, "region"),
                        LocalDate.parse(first(q, "desde")), LocalDate.parse(first(q, "hasta")));
                from.setValue(slice.from());
                to.setValue(slice.to());
                region.setValue(slice.region());
                category.getListDataView().getItems().filter(c -> c[0].equals(slice.category())).findFirst()
                        .ifPresent(category::setValue);
                s = Subject.market(slice);
            } catch (RuntimeException e) {
                return;
            }
        } else {
            String key = first(q, "subject");
            if (key == null || key.isBlank()) {
                return;
            }
            s = new Subject(k.get(), key);
        }
        clickedAt = System.nanoTime();
        open(s, false);
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }
}
