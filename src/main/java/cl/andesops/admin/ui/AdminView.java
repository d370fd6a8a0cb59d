package cl.andesops.admin.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import cl.andesops.admin.AdminService;
import cl.andesops.admin.SecretsStatus;
import cl.andesops.mercadopublico.CallLog;
import cl.andesops.shared.events.LiveUpdates;
import cl.andesops.shared.events.SyncProgress;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.MainLayout;
import cl.andesops.shared.cluster.Cluster;
import cl.andesops.sync.SyncJob;
import cl.andesops.sync.SyncStatus;

/** Administración: what works, what is missing, what the sync is doing, at a glance. */
@Route(value = "admin", layout = MainLayout.class)
@Menu(title = "nav.admin", order = 9, icon = "vaadin:cog")
@RolesAllowed("ADMIN")
public class AdminView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle {

    static final List<String> INTEGRATIONS = List.of("v1", "compra-agil", "gemini", "groq", "featherless");

    final Grid<SecretsStatus.Variable> variables = new Grid<>();
    final Grid<SyncJob> jobs = new Grid<>();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Span quota = new Span();
    final Span ai = new Span();
    final DatePicker day = new DatePicker();
    final Button syncDay = new Button();
    final Button pause = new Button();
    final Span clusterText = new Span();
    final Grid<Cluster.Node> nodes = new Grid<>();
    final Button resume = new Button();
    final Div probes = new Div();
    final HistoryPanel history;
    final RulesPanel rules;
    final MailPanel mail;
    private final AdminService admin;
    private final LiveUpdates live;
    private final Clock clock;
    private Runnable unsubscribe;

    AdminView(AdminService admin, LiveUpdates live, Clock clock, cl.andesops.rules.Rules ruleBook,
            cl.andesops.rules.SiiUtm sii, cl.andesops.alerts.MailAdmin mailAdmin) {
        this.admin = admin;
        this.live = live;
        this.clock = clock;
        setId("admin-view");
        addClassName("view");
        setWidthFull();
        Div header = new Div(new H1(getTranslation("admin.title")), new Paragraph(getTranslation(admin.simulated()
                ? "admin.mode.demo" : "admin.mode.live")));
        header.addClassName("view-header");
        if (admin.storageEphemeral()) {
            Paragraph warning = new Paragraph(getTranslation("admin.storage.ephemeral"));
            warning.setId("admin-storage-warning");
            // the header's paragraphs are muted: this one must not be (Lumo's error colour, light and dark)
            warning.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
            warning.getElement().setAttribute("role", "alert");
            header.add(warning);
        }
        quota.setId("admin-quota");
        ai.setId("admin-ai-usage");

        variables.setId("admin-variables");
        variables.addThemeVariants(GridVariant.LUMO_COMPACT);
        variables.addColumn(SecretsStatus.Variable::name).setHeader(getTranslation("admin.var")).setAutoWidth(true);
        variables.addComponentColumn(v -> {
            String key = v.set() ? "admin.var.set" : v.value() != null ? "admin.var.default" : "admin.var.missing";
            Span s = new Span(getTranslation(key));
            s.getElement().getThemeList().add("badge pill small " + (v.set() ? "success" : "contrast"));
            return s;
        }).setHeader(getTranslation("admin.var.status")).setAutoWidth(true);
        variables.addColumn(v -> getTranslation("admin.source." + v.source())).setHeader(getTranslation("admin.var.source"))
                .setAutoWidth(true);
        variables.addColumn(v -> v.secret() ? getTranslation("admin.var.hidden") : v.value() == null ? "" : v.value())
                .setHeader(getTranslation("admin.var.value")).setFlexGrow(1);
        variables.setItems(admin.variables());
        variables.setAllRowsVisible(true);

        probes.setId("admin-probes");
        probes.addClassName("kpis");
        for (String integration : INTEGRATIONS) {
            probes.add(probeCard(integration));
        }

        progress.setId("admin-progress");
        progress.getElement().setAttribute("aria-label", getTranslation("admin.progress.label"));
        progressText.setId("admin-progress-text");
        day.setId("admin-day");
        day.setLabel(getTranslation("admin.sync.day"));
        day.setMax(LocalDate.now(clock.withZone(Formats.CHILE)));
        day.setValue(LocalDate.now(clock.withZone(Formats.CHILE)).minusDays(1));
        syncDay.setId("admin-sync-day");
        syncDay.setText(getTranslation("admin.sync.start"));
        syncDay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        syncDay.addClickListener(e -> {
            try {
                long id = admin.syncDay(day.getValue());
                Notification.show(getTranslation("admin.sync.queued", id));
                refreshJobs();
            } catch (IllegalArgumentException ex) {
                Notification.show(ex.getMessage());
            }
        });
        pause.setId("admin-pause");
        pause.setText(getTranslation("admin.sync.pause"));
        pause.addClickListener(e -> {
            admin.pause();
            showPaused();
            refreshJobs();
        });
        resume.setId("admin-resume");
        resume.setText(getTranslation("admin.sync.resume"));
        resume.addClickListener(e -> {
            admin.resume();
            showPaused();
            refreshJobs();
        });
        showPaused();
        HorizontalLayout controls = new HorizontalLayout(day, syncDay, pause, resume);
        controls.setWrap(true); // on a phone the buttons go to the next line, not off screen
        controls.setAlignItems(Alignment.BASELINE);

        jobs.setId("admin-jobs");
        jobs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        jobs.addColumn(j -> getTranslation("sync.kind." + j.kind().name())).setHeader(getTranslation("admin.job.kind"))
                .setAutoWidth(true);
        jobs.addColumn(j -> jobParam(j.param())).setHeader(getTranslation("admin.job.param")).setAutoWidth(true);
        jobs.addColumn(j -> getTranslation("sync.state." + j.state())).setHeader(getTranslation("admin.job.state"))
                .setAutoWidth(true);
        jobs.addColumn(j -> Formats.count(j.done()) + " / " + Formats.count(j.total()))
                .setHeader(getTranslation("admin.job.progress")).setAutoWidth(true);
        jobs.addColumn(j -> Formats.count(j.requests())).setHeader(getTranslation("admin.job.requests"))
                .setAutoWidth(true);
        jobs.addColumn(j -> j.failed() == 0 ? "" : Formats.count(j.failed())).setHeader(getTranslation(
                "admin.job.failed")).setAutoWidth(true);
        jobs.addColumn(j -> j.lastError() == null ? "" : j.lastError()).setHeader(getTranslation("admin.job.error"))
                .setFlexGrow(1);
        jobs.setAllRowsVisible(true);

        clusterText.setId("admin-cluster");
        nodes.setId("admin-nodes");
        nodes.addThemeVariants(GridVariant.LUMO_COMPACT);
        nodes.addColumn(Cluster.Node::id).setHeader(getTranslation("admin.node.id")).setAutoWidth(true);
        nodes.addColumn(n -> getTranslation("admin.node.role." + n.role())).setHeader(getTranslation("admin.node.role"))
                .setAutoWidth(true);
        nodes.addColumn(n -> Formats.relative(n.startedAt(), clock.instant(), getLocale()))
                .setHeader(getTranslation("admin.node.started")).setAutoWidth(true);
        nodes.addColumn(n -> Formats.relative(n.seenAt(), clock.instant(), getLocale()))
                .setHeader(getTranslation("admin.node.seen")).setFlexGrow(1);
        nodes.setAllRowsVisible(true);

        history = new HistoryPanel(admin, LocalDate.now(clock.withZone(Formats.CHILE)));
        history.setWidthFull(); // its grid scrolls inside the screen's width, not the whole page sideways
        rules = new RulesPanel(ruleBook, sii, LocalDate.now(clock.withZone(Formats.CHILE)));
        rules.setWidthFull();
        mail = new MailPanel(mailAdmin);
        mail.setWidthFull();
        add(header, new Div(quota), new Div(ai), new H2(getTranslation("admin.integrations")), probes,
                new H2(getTranslation("admin.variables")), variables, new H2(getTranslation("admin.cluster")),
                clusterText, nodes, new H2(getTranslation("admin.sync")),
                progressText, progress, controls, jobs, new H2(getTranslation("admin.history")), history,
                new H2(getTranslation("admin.rules")), rules, new H2(getTranslation("admin.mail")), mail);
        refreshJobs();
    }

    private Div probeCard(String integration) {
        Span name = new Span(getTranslation("admin.integration." + integration));
        name.addClassName("kpi-label");
        Span result = new Span();
        result.setId("probe-result-" + integration);
        result.addClassName("probe-result");
        Span health = new Span(healthText(integration));
        health.addClassName("kpi-delta");
        Button test = new Button(getTranslation("admin.probe"));
        test.setId("probe-" + integration);
        test.addThemeVariants(ButtonVariant.LUMO_SMALL);
        test.addClickListener(e -> {
            test.setEnabled(false);
            result.setText(getTranslation("admin.probe.running"));
            UI ui = UI.getCurrent();
            CompletableFuture.supplyAsync(() -> admin.probe(integration)).whenComplete((p, error) -> ui.access(() -> {
                test.setEnabled(true);
                if (error != null) {
                    result.setText(getTranslation("admin.probe.failed"));
                } else {
                    result.setText((p.ok() ? "✔ " : "✘ ") + p.message() + " · " + p.millis() + " ms");
                    result.getElement().getThemeList().set("error", !p.ok());
                }
                health.setText(healthText(integration));
            }));
        });
        Div card = new Div(name, new Div(test), new Div(result), new Div(health));
        card.addClassName("kpi");
        card.setId("integration-" + integration);
        return card;
    }

    private String healthText(String integration) {
        return admin.health().stream().filter(h -> h.integration().equals(integration)).findFirst().map(h -> {
            String ok = outcome(h.lastSuccess(), "admin.health.ok");
            String ko = outcome(h.lastFailure(), "admin.health.failed");
            return (ok + " " + ko).strip();
        }).orElse("");
    }

    private String outcome(CallLog.Outcome o, String key) {
        if (o == null) {
            return "";
        }
        return getTranslation(key, Formats.relative(o.at(), clock.instant(), getLocale()))
                + (o.error() == null ? "" : ": " + o.error());
    }

    void refreshJobs() {
        SyncStatus status = admin.syncStatus();
        quota.setText(getTranslation("admin.quota", Formats.count(status.requestsToday()), Formats.count(status.quota()),
                Formats.count(status.quotaLeft()), status.quotaDay()));
        var u = admin.aiUsage();
        ai.setText(getTranslation("admin.ai.usage", Formats.count(u.calls()), Formats.count(u.dailyCalls()),
                Formats.count(u.tokens()), Formats.count(u.dailyTokens()), u.running(), u.concurrency()));
        jobs.setItems(status.jobs());
        showProgress(status.progress());
        showCluster(status.cluster());
    }

    private void showCluster(Cluster.View view) {
        String self = view.self().equals(view.leader()) ? getTranslation("admin.cluster.leads")
                : view.leader() == null ? getTranslation("admin.cluster.noleader")
                : getTranslation("admin.cluster.follows", view.leader());
        clusterText.setText(getTranslation("admin.cluster.summary", view.database(), view.self(), self,
                view.nodes().size()));
        nodes.setItems(view.nodes());
    }

    private void showProgress(SyncProgress p) {
        if (p == null) {
            return;
        }
        progress.setValue(p.percent() / 100.0);
        progressText.setText(getTranslation("admin.progress", getTranslation("admin.state." + p.state()), p.percent(),
                Formats.count(p.done()), Formats.count(p.total()), p.job() == null ? "—" : p.job())
                + (p.lastError() == null ? "" : " · " + p.lastError()));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        unsubscribe = live.onProgress(p -> cl.andesops.shared.ui.CoalescedPush.access(ui, () -> {
            showProgress(p);
            if (p.done() % 10 == 0 || !p.active()) {
                refreshJobs();
                history.refresh();
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
        super.onDetach(detachEvent);
    }

    /** Only the control that changes something is offered: pause while running, resume while paused. */
    private void showPaused() {
        boolean paused = admin.paused();
        pause.setEnabled(!paused);
        resume.setEnabled(paused);
    }

    /** The browser tab's title, in the page's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("title.admin") + " · AndesOps";
    }

    /** A job's day or window as Chile writes dates ({@code 30-11-2026}; {@code 01-12-2026 02:46 – 03:46}). */
    static String jobParam(String param) {
        if (param == null) {
            return "";
        }
        try {
            if (param.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Formats.date(java.time.LocalDate.parse(param).atStartOfDay(Formats.CHILE).toInstant());
            }
            String[] window = param.split("/");
            if (window.length == 2) {
                java.time.Instant from = java.time.Instant.parse(window[0]);
                java.time.Instant to = java.time.Instant.parse(window[1]);
                String end = Formats.dateTime(to);
                return Formats.dateTime(from) + " – " + (Formats.date(from).equals(Formats.date(to))
                        ? end.substring(end.indexOf(' ') + 1) : end);
            }
        } catch (RuntimeException e) {
            // shown as it is stored
        }
        return param;
    }
}
