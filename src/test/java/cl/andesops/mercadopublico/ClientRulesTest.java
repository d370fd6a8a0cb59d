package cl.andesops.mercadopublico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.unit.DataSize;

import cl.andesops.mercadopublico.MercadoPublicoException.Kind;
import cl.andesops.shared.config.Secret;
import cl.andesops.simulator.SimulatorServer;
import cl.andesops.simulator.SimulatorServer.Fault;
import cl.andesops.simulator.SimulatorSettings;

/** The client against the simulator enforcing the real rules: error classes, retries, spacing, quota. */
@ExtendWith(OutputCaptureExtension.class)
class ClientRulesTest {

    static final Duration SPACING = Duration.ofMillis(40);
    SimulatorServer sim;
    SingleConnectionDataSource db;
    JdbcClient jdbc;

    @BeforeEach
    void start() {
        // the simulator rejects arrivals closer than half its spacing; at a quarter of the client's, a request the
        // loaded machine delayed on its way in is not taken for a burst (the burst rules have their own faults)
        sim = SimulatorServer.start(SimulatorSettings.small(7).withSpacing(SPACING.dividedBy(4)), Clock.systemUTC());
        db = new SingleConnectionDataSource("jdbc:sqlite::memory:", true);
        jdbc = JdbcClient.create(db);
        jdbc.sql("CREATE TABLE api_request_ledger (ticket_hash TEXT NOT NULL, day TEXT NOT NULL, "
                + "background INTEGER NOT NULL DEFAULT 0, interactive INTEGER NOT NULL DEFAULT 0, "
                + "PRIMARY KEY (ticket_hash, day))").update();
    }

    @AfterEach
    void stop() {
        sim.close();
        db.destroy();
    }

    HttpMercadoPublicoClient client(String ticket, int quota, int reserve, Duration timeout) {
        MercadoPublicoProperties props = new MercadoPublicoProperties(Secret.of(ticket), sim.baseUrl(),
                sim.baseUrl(), sim.baseUrl(), SPACING, quota, reserve, timeout, List.of(Duration.ofMillis(60), Duration.ofMillis(60)),
                List.of(Duration.ofMillis(250), Duration.ofMillis(250)), 120, DataSize.ofMegabytes(2),
                DataSize.ofMegabytes(32));
        Endpoints endpoints = new Endpoints(sim.baseUrl(), sim.baseUrl(), sim.baseUrl(), Secret.of(ticket), SPACING, false);
        HttpTransport transport = new HttpTransport(endpoints, new RequestGate(SPACING, Clock.systemUTC()),
                new RequestLedger(jdbc, new org.springframework.jdbc.core.JdbcTemplate(db), Clock.systemUTC(), props), new CallLog(), timeout, props.burstBackoff(),
                props.errorBackoff(), bounds);
        lastTransport = transport;
        return new HttpMercadoPublicoClient(transport);
    }

    HttpTransport lastTransport;
    /** What people may ask for, as the operator configured it. */
    HttpTransport.Bounds bounds = HttpTransport.Bounds.DEFAULT;

    HttpMercadoPublicoClient client() {
        return client(sim.settings().ticket(), 10_000, 100, Duration.ofSeconds(5));
    }

    static Kind kindOf(Throwable t) {
        return ((MercadoPublicoException) t).kind();
    }

    @Test
    void a_bad_ticket_stops_at_once_without_retrying() {
        long before = sim.requestCount();
        assertThatThrownBy(() -> client("wrong-ticket-123", 10_000, 0, Duration.ofSeconds(5))
                .orders(ListQuery.today(), Purpose.BACKGROUND))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.AUTH_OR_QUOTA))
                .hasMessageNotContaining("wrong-ticket-123");
        assertThat(sim.requestCount() - before).isEqualTo(1);
    }

    @Test
    void bursts_are_retried_with_backoff_then_succeed() {
        sim.inject(Fault.BURST_429, 1);
        sim.inject(Fault.BURST_200, 1);
        long before = sim.requestCount();
        assertThat(client().orders(ListQuery.day(LocalDate.now(cl.andesops.shared.format.Formats.CHILE).minusDays(1)), Purpose.BACKGROUND)).isNotEmpty();
        assertThat(sim.requestCount() - before).isEqualTo(3);
    }

    @Test
    void a_burst_storm_longer_than_the_backoff_gives_up_with_a_clear_error() {
        sim.inject(Fault.BURST_429, 10);
        assertThatThrownBy(() -> client().orders(ListQuery.today(), Purpose.BACKGROUND))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.BURST))
                .hasMessageContaining("10500");
        sim.clearFaults();
    }

    @Test
    void server_errors_html_pages_truncated_bodies_and_timeouts_are_retried() {
        HttpMercadoPublicoClient client = client(sim.settings().ticket(), 10_000, 0, Duration.ofMillis(400));
        LocalDate day = LocalDate.now(cl.andesops.shared.format.Formats.CHILE).minusDays(1);
        for (Fault fault : List.of(Fault.SERVER_500, Fault.HTML_PAGE, Fault.TRUNCATED_JSON, Fault.TIMEOUT)) {
            sim.timeoutDelay(Duration.ofMillis(550));
            sim.inject(fault, 1);
            long before = sim.requestCount();
            assertThat(client.orders(ListQuery.day(day), Purpose.BACKGROUND)).as(fault.name()).isNotEmpty();
            // a timed-out request may still be running on the server: the retry can meet a burst rejection first
            assertThat(sim.requestCount() - before).as(fault.name()).isBetween(2L, fault == Fault.TIMEOUT ? 4L : 2L);
        }
        sim.inject(Fault.SERVER_500, 5);
        assertThatThrownBy(() -> client.orders(ListQuery.day(day), Purpose.BACKGROUND))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.UNAVAILABLE));
        sim.clearFaults();
    }

    @Test
    void bad_parameters_are_not_retried() {
        sim.inject(Fault.BAD_PARAMETERS, 1);
        long before = sim.requestCount();
        assertThatThrownBy(() -> client().orders(ListQuery.today(), Purpose.BACKGROUND))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.BAD_PARAMETERS));
        assertThat(sim.requestCount() - before).isEqualTo(1);
    }

    @Test
    void requests_start_at_least_the_spacing_apart_and_never_overlap_even_from_many_threads() throws Exception {
        HttpMercadoPublicoClient client = client();
        String code = client.orders(ListQuery.day(LocalDate.now(cl.andesops.shared.format.Formats.CHILE).minusDays(1)), Purpose.BACKGROUND).getFirst().code();
        int before = sim.recentStarts().size();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(pool.submit(() -> client.order(code, Purpose.BACKGROUND).orElseThrow()));
        }
        for (Future<?> f : calls) {
            f.get(); // the simulator answers 429 to overlapping or too-close requests: none may fail
        }
        pool.shutdown();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(SPACING.toNanos() * 11);
        List<Long> starts = sim.recentStarts();
        List<Long> mine = starts.subList(Math.max(0, before - 1), starts.size());
        // pairwise, as the server sees them: a start is stamped when the server's thread takes the request, which on
        // a loaded machine can be several ms after the client sent it; the server's own rule (it rejects a start
        // closer than half its spacing, an eighth of the client's here) is what a pair must keep, and the total
        // above is what the client's spacing guarantees
        for (int i = 1; i < mine.size(); i++) {
            assertThat(mine.get(i) - mine.get(i - 1)).isGreaterThanOrEqualTo(sim.settings().minSpacing().toNanos() / 2);
        }
        assertThat(mine.size()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void background_work_stops_at_the_reserve_and_people_can_still_use_it_until_the_quota(CapturedOutput out)
            throws InterruptedException {
        HttpMercadoPublicoClient client = client(sim.settings().ticket(), 5, 2, Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            client.buyers(Purpose.BACKGROUND);
        }
        assertThatThrownBy(() -> client.buyers(Purpose.BACKGROUND))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.QUOTA_RESERVED));
        client.buyers(Purpose.INTERACTIVE);
        // a fresh client on the same database remembers today's usage
        Thread.sleep(SPACING.toMillis() * 2); // a restart takes longer than the spacing
        HttpMercadoPublicoClient restarted = client(sim.settings().ticket(), 5, 2, Duration.ofSeconds(5));
        restarted.buyers(Purpose.INTERACTIVE);
        assertThatThrownBy(() -> restarted.buyers(Purpose.INTERACTIVE))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.QUOTA_RESERVED));
        RequestLedger.Usage usage = new RequestLedger(jdbc, new org.springframework.jdbc.core.JdbcTemplate(db), Clock.systemUTC(), new MercadoPublicoProperties(
                Secret.of("x"), URI.create("http://x"), URI.create("http://x"), URI.create("http://x"), SPACING, 5, 2, Duration.ofSeconds(1),
                List.of(), List.of(), 120, DataSize.ofMegabytes(2), DataSize.ofMegabytes(32))).usage(Secret.of(sim.settings().ticket()));
        assertThat(usage.background()).isEqualTo(3);
        assertThat(usage.interactive()).isEqualTo(2);
        assertThat(out.getAll()).doesNotContain(sim.settings().ticket());
    }

    @Test
    void the_ticket_never_appears_in_logs_or_errors(CapturedOutput out) {
        sim.inject(Fault.SERVER_500, 5);
        assertThatThrownBy(() -> client().orders(ListQuery.today(), Purpose.BACKGROUND))
                .hasMessageNotContaining(sim.settings().ticket());
        assertThat(out.getAll()).contains("ticket=****").doesNotContain(sim.settings().ticket());
        sim.clearFaults();
    }

    @Test
    void the_simulator_answers_every_v1_and_v2_call_in_the_real_format() {
        HttpMercadoPublicoClient v1 = client();
        LocalDate day = LocalDate.now(cl.andesops.shared.format.Formats.CHILE).minusDays(1);
        List<ListedOrder> orders = v1.orders(ListQuery.day(day), Purpose.BACKGROUND);
        assertThat(orders).extracting(ListedOrder::code).containsExactlyElementsOf(sim.orderCodes(day));
        OrderDetail order = v1.order(orders.getFirst().code(), Purpose.BACKGROUND).orElseThrow();
        assertThat(order.items()).isNotEmpty();
        assertThat(order.total()).isPositive();
        assertThat(order.buyer().organismCode()).isNotBlank();
        assertThat(cl.andesops.shared.format.Rut.parse(order.supplier().rut())).isPresent();
        assertThat(v1.order("999-1-SE26", Purpose.BACKGROUND)).isEmpty();
        assertThat(v1.orders(ListQuery.day(day).withBuyer(order.buyer().organismCode()), Purpose.BACKGROUND))
                .isNotEmpty().allMatch(o -> o.code().startsWith(order.buyer().organismCode() + "-"));
        assertThat(v1.orders(ListQuery.day(day).withState("aceptada"), Purpose.BACKGROUND))
                .allMatch(o -> o.stateCode() == 6);
        List<ListedTender> active = v1.tenders(ListQuery.state("activas"), Purpose.BACKGROUND);
        assertThat(active).isNotEmpty().allMatch(t -> t.stateCode() == 5);
        TenderDetail tender = v1.tender(active.getFirst().code(), Purpose.BACKGROUND).orElseThrow();
        assertThat(tender.items()).isNotEmpty();
        assertThat(tender.closesAt()).isEqualTo(active.getFirst().closesAt());
        assertThat(v1.buyers(Purpose.BACKGROUND)).hasSize(852);
        assertThat(v1.findSupplier(order.supplier().rut(), Purpose.BACKGROUND))
                .extracting(Company::code).contains(order.supplier().code());
        assertThatThrownBy(() -> v1.orders(new ListQuery(LocalDate.of(2026, 2, 30 - 2), "nonsense", null, null),
                Purpose.BACKGROUND)).satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.BAD_PARAMETERS));

        HttpCompraAgilClient v2 = new HttpCompraAgilClient(lastTransport); // one ticket, one gate
        java.time.Instant now = java.time.Instant.now();
        CaPage page = v2.list(CaQuery.changedBetween(now.minus(Duration.ofDays(3)), now, 1), Purpose.BACKGROUND);
        assertThat(page.items()).isNotEmpty();
        assertThat(page.totalResults()).isGreaterThanOrEqualTo(page.items().size());
        CaRequest detail = v2.detail(page.items().getFirst().code(), Purpose.BACKGROUND).orElseThrow();
        assertThat(detail.detailed()).isTrue();
        assertThat(detail.products()).isNotEmpty();
        assertThat(v2.detail("1-1-COT26", Purpose.BACKGROUND)).isEmpty();
    }


    @Test
    void a_page_people_ask_for_is_one_at_a_time_bounded_in_size_and_never_redirected() throws Exception {
        com.sun.net.httpserver.HttpServer web = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.CountDownLatch slowStarted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        web.createContext("/", ex -> {
            String p = ex.getRequestURI().getPath();
            byte[] body = switch (p) {
                case "/huge" -> new byte[HttpTransport.Bounds.DEFAULT.maxPageBytes() + 10];
                default -> "<html>ok</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            };
            if (p.equals("/moved")) {
                ex.getResponseHeaders().set("Location", "http://127.0.0.1:9/elsewhere");
                ex.sendResponseHeaders(302, -1);
                ex.close();
                return;
            }
            if (p.equals("/slow")) {
                slowStarted.countDown();
                try {
                    release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        web.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        web.start();
        try {
            client();
            HttpTransport t = lastTransport;
            URI base = URI.create("http://127.0.0.1:" + web.getAddress().getPort());
            assertThat(t.page(base, "/ok")).hasValueSatisfying(w -> assertThat(w.body()).contains("ok"));
            assertThat(t.page(base, "/huge")).as("larger than the limit").isEmpty();
            assertThat(t.page(base, "/moved")).as("a redirect is not followed").isEmpty();
            // while one person's page is in flight, another's is refused at once rather than queued before the sync
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> t.page(base, "/slow"));
            assertThat(slowStarted.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            assertThat(t.page(base, "/ok")).isEmpty();
            assertThat((System.nanoTime() - t0) / 1_000_000).as("refused without waiting").isLessThan(500);
            release.countDown();
            assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS)).isPresent();
            assertThat(t.page(base, "/ok")).isPresent();
        } finally {
            release.countDown();
            web.stop(0);
        }
    }

    @Test
    void the_operator_sets_how_many_pages_people_may_ask_for_and_how_much_of_an_answer_is_read() throws Exception {
        com.sun.net.httpserver.HttpServer web = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", ex -> {
            byte[] body = ex.getRequestURI().getPath().equals("/big") ? new byte[300]
                    : "<html>ok</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        web.start();
        try {
            bounds = new HttpTransport.Bounds(3, 200, 1024);
            HttpMercadoPublicoClient c = client();
            HttpTransport t = lastTransport;
            URI base = URI.create("http://127.0.0.1:" + web.getAddress().getPort());
            assertThat(t.page(base, "/big")).as("over the page size set").isEmpty();
            assertThat(t.page(base, "/ok")).isPresent();
            assertThat(t.page(base, "/ok")).isPresent();
            assertThat(t.page(base, "/ok")).as("the hour's three are spent").isEmpty();
            // an API answer over the body size set is refused, with the size said plainly
            assertThatThrownBy(() -> c.buyers(Purpose.BACKGROUND)).hasMessageContaining("más de 1 KB");
        } finally {
            web.stop(0);
        }
    }
}
