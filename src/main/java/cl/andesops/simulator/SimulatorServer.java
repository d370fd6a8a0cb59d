package cl.andesops.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cl.andesops.shared.format.Formats;

/**
 * A Mercado Público of our own on loopback: the v1 API ({@code /servicios/v1/publico/...}) and the v2 Compra Ágil
 * API ({@code /v2/compra-agil}) in the real wire format, over the deterministic {@link SimWorld}. It can enforce
 * the real rules (burst rejection, daily quota, the ticket) and inject faults on demand for tests.
 */
public final class SimulatorServer implements AutoCloseable {

    /** Faults a test can ask for; each is served once per count, before normal answers. */
    public enum Fault {
        BURST_429, BURST_200, SERVER_500, HTML_PAGE, TRUNCATED_JSON, TIMEOUT, BAD_PARAMETERS
    }

    private static final Logger log = LoggerFactory.getLogger(SimulatorServer.class);
    private static final DateTimeFormatter FECHA = DateTimeFormatter.ofPattern("ddMMyyyy");
    private static final Map<String, Integer> ORDER_SLUGS = Map.of("enviadaproveedor", 4, "aceptada", 6,
            "cancelada", 9, "recepcionconforme", 12, "pendienterecepcion", 13, "recepcionaceptadacialmente", 14,
            "recepecionconformeincompleta", 15);
    private static final Map<String, Integer> TENDER_SLUGS = Map.of("publicada", 5, "cerrada", 6, "desierta", 7,
            "adjudicada", 8, "revocada", 18, "suspendida", 19);
    private static final Map<String, Integer> CA_SLUGS = Map.of("publicada", 2, "cerrada", 3,
            "proveedor_seleccionado", 4, "cancelada", 5, "desierta", 6);

    private final SimulatorSettings settings;
    private final SimWorld world;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Long> starts = new ConcurrentLinkedDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ThreadLocal<Boolean> holding = new ThreadLocal<>();
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, AtomicInteger> quotaByDay = new HashMap<>();
    private volatile long lastStartNanos = Long.MIN_VALUE;
    private volatile Duration timeoutDelay = Duration.ofSeconds(30);

    private SimulatorServer(SimulatorSettings settings, Clock clock) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.world = new SimWorld(settings);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 64);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "simulator-http");
            t.setDaemon(true);
            return t;
        });
        // a request's arrival is stamped when the server's dispatcher hands it over, not when a handler thread
        // gets to it: on a loaded machine that wait would make two well-spaced requests look like a burst
        server.setExecutor(task -> {
            long handedOver = System.nanoTime();
            executor.execute(() -> {
                ARRIVAL.set(handedOver);
                try {
                    task.run();
                } finally {
                    ARRIVAL.remove();
                }
            });
        });
        server.createContext("/", this::handle);
    }

    public static SimulatorServer start(SimulatorSettings settings, Clock clock) {
        try {
            SimulatorServer s = new SimulatorServer(settings, clock);
            s.server.start();
            log.info("Mercado Público simulator listening on {} (seed {}, {} orders/day)", s.baseUrl(),
                    settings.seed(), settings.ordersPerDay());
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("The simulator could not start: " + e.getMessage(), e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public void inject(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
    }

    public void clearFaults() {
        faults.clear();
    }

    public void timeoutDelay(Duration delay) {
        this.timeoutDelay = delay;
    }

    public long requestCount() {
        return requests.get();
    }

    /** The arrival times (System.nanoTime) of the last requests, oldest first. */
    public List<Long> recentStarts() {
        return List.copyOf(starts);
    }

    // ---- what the world holds, for tests that compare a sync with its source ---------------------------

    public List<String> orderCodes(LocalDate day) {
        Instant now = clock.instant();
        return world.ordersVisible(day, now).stream().map(SimWorld.Order::code).toList();
    }

    public int orderItemCount(LocalDate day) {
        Instant now = clock.instant();
        return world.ordersVisible(day, now).stream().mapToInt(o -> o.lines().size()).sum();
    }

    /** The Compra Ágil requests published on a day, with how many quotes each has received by now. */
    public Map<String, Integer> compraAgilQuotes(LocalDate day) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (SimWorld.CompraAgil c : world.compraAgilOf(day)) {
            if (!c.publishedAt().isAfter(clock.instant())) {
                out.put(c.code(), c.quotesAt(clock.instant()).size());
            }
        }
        return out;
    }

    public List<String> tenderCodes(LocalDate day) {
        return world.tendersWithActivity(day, clock.instant()).stream().map(SimWorld.Tender::code).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- HTTP --------------------------------------------------------------------------------------------

    private static final ThreadLocal<Long> ARRIVAL = new ThreadLocal<>();
    /** How far this host's scheduling can move a request's arrival on a loaded machine. */
    private static final long SCHEDULING_SHIFT_NANOS = 20_000_000L;

    private void handle(HttpExchange ex) throws IOException {
        Long handedOver = ARRIVAL.get();
        long arrival = handedOver != null ? handedOver : System.nanoTime();
        requests.incrementAndGet();
        starts.add(arrival);
        while (starts.size() > 200) {
            starts.poll();
        }
        String path = ex.getRequestURI().getPath();
        boolean v2 = path.startsWith("/v2/");
        boolean api = v2 || path.startsWith("/servicios/");
        // the burst rule is the API's: the open-data files come from another host (a blob store), so a month's
        // download in flight is no concurrent API request
        int concurrent = api ? inFlight.incrementAndGet() : 0;
        holding.set(api);
        try {
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            long previous = lastStartNanos;
            if (api) {
                lastStartNanos = arrival;
            }
            if (settings.enforceRules() && api) {
                String ticket = v2 ? ex.getRequestHeaders().getFirst("ticket") : q.get("ticket");
                if (ticket == null || !ticket.equals(settings.ticket())) {
                    if (v2) {
                        send(ex, 401, SimJson.v2Error("NOK", "401", "El ticket no existe, es inválido o no tiene permisos."));
                    } else {
                        send(ex, 203, SimJson.error(203, "Ticket no válido."));
                    }
                    return;
                }
                // the real API rejects most requests 400 ms apart and half of those 800 ms apart (for 1.5 s); here
                // a start closer than half the spacing is one, less what this host's own scheduling can shift two
                // well-spaced requests by (at the demo's 10 ms only overlapping requests are: a loaded machine
                // delays one by more than 5 ms, which no client could help)
                boolean tooClose = previous != Long.MIN_VALUE
                        && arrival - previous < settings.minSpacing().toNanos() / 2 - SCHEDULING_SHIFT_NANOS;
                if (concurrent > 1 || tooClose) {
                    log.debug("Rejecting a burst: {} in flight, {} µs after the previous start", concurrent,
                            previous == Long.MIN_VALUE ? -1 : (arrival - previous) / 1000);
                    burst(ex, v2, false);
                    return;
                }
                if (!spendQuota()) {
                    if (v2) {
                        ex.getResponseHeaders().add("Retry-After", "3600");
                        send(ex, 429, SimJson.v2Error("NOK", "429", "Se ha alcanzado el límite de solicitudes "
                                + "permitido. Intente nuevamente más tarde."));
                    } else {
                        send(ex, 203, SimJson.error(203, "Ticket superó la cuota diaria asignada."));
                    }
                    return;
                }
            }
            Fault fault = faults.poll();
            if (fault != null && serveFault(ex, fault, v2)) {
                return;
            }
            route(ex, path, q);
        } catch (RuntimeException e) {
            log.warn("Simulator failed on {}", ex.getRequestURI().getPath(), e);
            sendRaw(ex, 500, "application/json", "{\"Codigo\":500,\"Mensaje\":\"Error interno\"}"
                    .getBytes(StandardCharsets.UTF_8));
        } finally {
            release();
            ex.close();
        }
    }

    private synchronized boolean spendQuota() {
        String day = LocalDate.now(clock.withZone(Formats.CHILE)).toString();
        return quotaByDay.computeIfAbsent(day, d -> new AtomicInteger()).incrementAndGet() <= settings.dailyQuota();
    }

    private void burst(HttpExchange ex, boolean v2, boolean legacy200) throws IOException {
        if (v2) {
            ex.getResponseHeaders().add("Retry-After", "1");
            send(ex, 429, SimJson.v2Error("NOK", "429", "Se ha alcanzado el límite de solicitudes permitido."));
        } else {
            send(ex, legacy200 ? 200 : 429, SimJson.error(10500,
                    "Lo sentimos. Hemos detectado que existen peticiones simultáneas."));
        }
    }

    private boolean serveFault(HttpExchange ex, Fault fault, boolean v2) throws IOException {
        switch (fault) {
            case BURST_429 -> burst(ex, v2, false);
            case BURST_200 -> burst(ex, v2, true);
            case SERVER_500 -> send(ex, 500, v2 ? SimJson.v2Error("ERROR", "ERROR_INTERNO",
                    "Servicio no disponible, intente nuevamente más tarde") : SimJson.error(500, "Error interno"));
            case HTML_PAGE -> sendRaw(ex, 502, "text/html", ("<!DOCTYPE html><html><head><title>502 Bad Gateway"
                    + "</title></head><body><h1>Bad Gateway</h1></body></html>").getBytes(StandardCharsets.UTF_8));
            case TRUNCATED_JSON -> sendRaw(ex, 200, "application/json; charset=utf-8",
                    "{\"Cantidad\":3,\"FechaCreacion\":\"2026-01-01T08:32:52\",\"Version\":\"v1\",\"Listado\":[{\"Codigo\":\"12"
                            .getBytes(StandardCharsets.UTF_8));
            case TIMEOUT -> {
                try {
                    Thread.sleep(timeoutDelay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            case BAD_PARAMETERS -> send(ex, v2 ? 400 : 500, v2
                    ? SimJson.v2Error("NOK", "400", "Los parámetros de consulta son requeridos")
                    : SimJson.error(10300, "Los parámetros no son válidos."));
        }
        return true;
    }

    private void route(HttpExchange ex, String path, Map<String, String> q) throws IOException {
        String p = path.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        if (p.startsWith("/servicios/v1/publico/")) {
            String resource = p.substring("/servicios/v1/publico/".length());
            switch (resource) {
                case "ordenesdecompra.json", "ordencompra.json" -> orders(ex, q, now);
                case "licitaciones.json" -> tenders(ex, q, now);
                case "empresas/buscarproveedor" -> findSupplier(ex, q, now);
                case "empresas/buscarcomprador" -> send(ex, 200, SimJson.companies(now, world.catalog.buyers.stream()
                        .map(b -> SimJson.company(b.code(), " " + b.name() + " ")).toList()));
                default -> send(ex, 404, SimJson.error(404, "Recurso no encontrado"));
            }
        } else if (p.equals("/procurement/modules/rfb/detailsacquisition.aspx")) {
            var tender = world.tender(q.getOrDefault("idlicitacion", "").strip())
                    .filter(t -> !t.publishedAt().isAfter(now));
            if (tender.isEmpty()) {
                sendRaw(ex, 404, "text/html; charset=utf-8", "<html><body>No encontrado</body></html>"
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                sendRaw(ex, 200, "text/html; charset=utf-8", SimPages.tenderPage(tender.get(), now)
                        .getBytes(StandardCharsets.UTF_8));
            }
        } else if (p.startsWith("/oc-da/") || p.startsWith("/lic-da/") || p.startsWith("/trnspchc/")) {
            openData(ex, p, now);
        } else if (p.equals("/v2/compra-agil")) {
            compraAgilList(ex, q, now);
        } else if (p.startsWith("/v2/compra-agil/")) {
            String code = URLDecoder.decode(path.substring("/v2/compra-agil/".length()), StandardCharsets.UTF_8);
            var found = world.compraAgil(code).filter(c -> !c.publishedAt().isAfter(now));
            if (found.isEmpty()) {
                send(ex, 404, SimJson.v2Error("NOK", "404", "No se encontró la Compra Ágil " + code));
            } else {
                send(ex, 200, SimJson.v2Ok(SimJson.caDetail(found.get(), now)));
            }
        } else {
            send(ex, 404, SimJson.error(404, "Recurso no encontrado"));
        }
    }

    private void orders(HttpExchange ex, Map<String, String> q, Instant now) throws IOException {
        String code = q.get("codigo");
        if (code != null) {
            var order = world.order(code.strip()).filter(o -> !o.createdAt().isAfter(now));
            send(ex, 200, SimJson.envelope(now, order.map(o -> List.of(SimJson.order(o, now))).orElse(List.of())));
            return;
        }
        LocalDate day = day(q, now);
        if (day == null) {
            send(ex, 500, SimJson.error(10300, "El formato del parametro fechas es incorrecto"));
            return;
        }
        Predicate<SimWorld.Order> filter = o -> true;
        String state = q.get("estado");
        if (state != null && !"todos".equalsIgnoreCase(state)) {
            Integer code4 = ORDER_SLUGS.get(state.toLowerCase(Locale.ROOT));
            if (code4 == null) {
                send(ex, 500, SimJson.error(10300, "Los parámetros no son válidos."));
                return;
            }
            filter = filter.and(o -> o.stateCode(now) == code4);
        }
        String buyer = q.get("CodigoOrganismo");
        if (buyer != null) {
            filter = filter.and(o -> o.buyer().code().equals(buyer.strip()));
        }
        String supplier = q.get("CodigoProveedor");
        if (supplier != null && q.get("fecha") != null) {
            filter = filter.and(o -> o.supplier().code().equals(supplier.strip()));
        }
        send(ex, 200, SimJson.envelope(now, world.ordersVisible(day, now).stream().filter(filter)
                .map(o -> SimJson.listedOrder(o, now)).toList()));
    }

    private void tenders(HttpExchange ex, Map<String, String> q, Instant now) throws IOException {
        String code = q.get("codigo");
        if (code != null) {
            var tender = world.tender(code.strip()).filter(t -> !t.publishedAt().isAfter(now));
            send(ex, 200, SimJson.envelope(now, tender.map(t -> List.of(SimJson.tender(t, now))).orElse(List.of())));
            return;
        }
        String state = q.get("estado");
        if ("activas".equalsIgnoreCase(state)) {
            send(ex, 200, SimJson.envelope(now, world.activeTenders(now).stream()
                    .map(t -> SimJson.listedTender(t, now)).toList()));
            return;
        }
        LocalDate day = day(q, now);
        if (day == null) {
            send(ex, 500, SimJson.error(10300, "El formato del parametro fechas es incorrecto"));
            return;
        }
        Predicate<SimWorld.Tender> filter = t -> true;
        if (state != null && !"todos".equalsIgnoreCase(state)) {
            Integer stateCode = TENDER_SLUGS.get(state.toLowerCase(Locale.ROOT));
            if (stateCode == null) {
                send(ex, 500, SimJson.error(10300, "Los parámetros no son válidos."));
                return;
            }
            filter = filter.and(t -> t.stateCode(now) == stateCode);
        }
        String buyer = q.get("CodigoOrganismo");
        if (buyer != null) {
            filter = filter.and(t -> t.buyer().code().equals(buyer.strip()));
        }
        send(ex, 200, SimJson.envelope(now, world.tendersWithActivity(day, now).stream().filter(filter)
                .map(t -> SimJson.listedTender(t, now)).toList()));
    }

    private void findSupplier(HttpExchange ex, Map<String, String> q, Instant now) throws IOException {
        String rut = q.getOrDefault("rutempresaproveedor", "").replace(".", "").replace("-", "")
                .toUpperCase(Locale.ROOT);
        List<Map<String, Object>> found = world.catalog.suppliers.stream()
                .filter(s -> s.rut().replace(".", "").replace("-", "").equals(rut))
                .map(s -> SimJson.company(s.code(), s.name())).toList();
        send(ex, 200, SimJson.companies(now, found));
    }

    private void compraAgilList(HttpExchange ex, Map<String, String> q, Instant now) throws IOException {
        if (q.isEmpty() || q.keySet().stream().allMatch(k -> k.equals("ticket"))) {
            send(ex, 400, SimJson.v2Error("NOK", "PARAMETROS_INVALIDOS", "Los parámetros de consulta son requeridos"));
            return;
        }
        int size = intParam(q, "tamano_pagina", 15);
        int page = intParam(q, "numero_pagina", 1);
        if (size < 10 || size > 50) {
            send(ex, 400, SimJson.v2Error("NOK", "400", "tamano_pagina debe estar entre 10 y 50"));
            return;
        }
        Set<String> real = Set.of("ttl_cambio_ms", "cambio_desde", "cambio_hasta", "publicado_desde",
                "publicado_hasta", "estado", "region", "id", "q");
        if (q.keySet().stream().noneMatch(real::contains)) {
            send(ex, 500, SimJson.v2Error("ERROR", "ERROR_INTERNO",
                    "Servicio no disponible, intente nuevamente más tarde"));
            return;
        }
        Instant changedFrom;
        Instant changedTo;
        Instant publishedFrom;
        Instant publishedTo;
        try {
            changedFrom = q.containsKey("ttl_cambio_ms") ? now.minusMillis(Long.parseLong(q.get("ttl_cambio_ms")))
                    : local(q.get("cambio_desde"));
            changedTo = q.containsKey("ttl_cambio_ms") ? now : local(q.get("cambio_hasta"));
            publishedFrom = local(q.get("publicado_desde"));
            publishedTo = local(q.get("publicado_hasta"));
        } catch (DateTimeParseException | NumberFormatException e) {
            send(ex, 400, SimJson.v2Error("NOK", "400", "Formato de fecha inválido"));
            return;
        }
        Predicate<SimWorld.CompraAgil> filter = c -> !c.publishedAt().isAfter(now);
        if (q.containsKey("estado")) {
            List<Integer> states = new ArrayList<>();
            for (String s : q.get("estado").split(",")) {
                Integer id = CA_SLUGS.get(s.strip().toLowerCase(Locale.ROOT));
                if (id == null) {
                    send(ex, 400, SimJson.v2Error("NOK", "400", "Estado no válido: " + s.strip()));
                    return;
                }
                states.add(id);
            }
            filter = filter.and(c -> states.contains(c.stateId(now)));
        }
        if (q.containsKey("region")) {
            List<Integer> regions = Arrays.stream(q.get("region").split(",")).map(String::strip)
                    .map(Integer::parseInt).toList();
            filter = filter.and(c -> regions.contains(c.buyer().region().id()));
        }
        if (q.containsKey("id")) {
            filter = filter.and(c -> c.code().equals(q.get("id").strip()));
        }
        if (q.containsKey("q")) {
            String[] words = q.get("q").toLowerCase(Locale.ROOT).split("\\s+");
            filter = filter.and(c -> Arrays.stream(words).allMatch(w -> c.name().toLowerCase(Locale.ROOT).contains(w)));
        }
        Instant from = changedFrom != null ? changedFrom : publishedFrom;
        Instant to = changedTo != null ? changedTo : publishedTo != null ? publishedTo : now;
        if (changedFrom != null || changedTo != null) {
            Instant lo = changedFrom;
            Instant hi = changedTo;
            filter = filter.and(c -> {
                Instant changed = c.changedAt(now);
                return (lo == null || !changed.isBefore(lo)) && (hi == null || !changed.isAfter(hi));
            });
        }
        if (publishedFrom != null || publishedTo != null) {
            Instant lo = publishedFrom;
            Instant hi = publishedTo;
            filter = filter.and(c -> (lo == null || !c.publishedAt().isBefore(lo))
                    && (hi == null || !c.publishedAt().isAfter(hi)));
        }
        LocalDate last = SimWorld.day(to.isAfter(now) ? now : to);
        LocalDate first = from == null ? last.minusDays(14) : SimWorld.day(from).minusDays(14);
        List<SimWorld.CompraAgil> matches = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            world.compraAgilOf(d).stream().filter(filter).forEach(matches::add);
        }
        boolean byPublication = "FechaPublicacion".equalsIgnoreCase(q.get("ordenar_por"));
        matches.sort(Comparator.comparing((SimWorld.CompraAgil c) -> byPublication ? c.publishedAt()
                : c.changedAt(now)).reversed().thenComparing(SimWorld.CompraAgil::code));
        int fromIndex = Math.min(matches.size(), (page - 1) * size);
        int toIndex = Math.min(matches.size(), fromIndex + size);
        List<Map<String, Object>> items = matches.subList(fromIndex, toIndex).stream()
                .map(c -> SimJson.caListItem(c, now)).toList();
        send(ex, 200, SimJson.v2Ok(SimJson.caPage(items, page, size, matches.size())));
    }

    private LocalDate day(Map<String, String> q, Instant now) {
        String fecha = q.get("fecha");
        if (fecha == null) {
            return LocalDate.ofInstant(now, Formats.CHILE);
        }
        if (!fecha.matches("\\d{8}")) {
            return null;
        }
        try {
            return LocalDate.parse(fecha, FECHA);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant local(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replace("Z", "");
        return LocalDateTime.parse(s.length() == 16 ? s + ":00" : s).atZone(Formats.CHILE).toInstant();
    }

    private static int intParam(Map<String, String> q, String name, int fallback) {
        try {
            return q.containsKey(name) ? Integer.parseInt(q.get(name).strip()) : fallback;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    /** A request stops being in flight once its answer is ready to go, as on the real server. */
    private void release() {
        if (Boolean.TRUE.equals(holding.get())) {
            holding.set(false);
            inFlight.decrementAndGet();
        }
    }

    /** {@code /oc-da/2026-6.zip}, {@code /lic-da/2026-6.zip}, {@code /trnspchc/COT_2026-06.zip}, lower-cased. */
    private static final java.util.regex.Pattern OPEN_DATA_MONTH =
            java.util.regex.Pattern.compile("/(?:(oc|lic)-da/|trnspchc/cot_)(\\d{4})-(\\d{1,2})\\.zip");

    /**
     * A month of orders or tenders as the open-data host serves it: 404 for a month not yet begun, an ETag that changes while
     * the month is current (the files are rewritten daily), 304 to a request that already has it; the ZIP streamed.
     */
    private void openData(HttpExchange ex, String path, Instant now) throws IOException {
        java.util.regex.Matcher m = OPEN_DATA_MONTH.matcher(path);
        LocalDate today = LocalDate.ofInstant(now, cl.andesops.shared.format.Formats.CHILE);
        java.time.YearMonth month = m.matches() && Integer.parseInt(m.group(3)) >= 1
                && Integer.parseInt(m.group(3)) <= 12 ? java.time.YearMonth.of(Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))) : null;
        String dataset = month == null ? null : m.group(1) != null ? m.group(1) : "cot";
        if (month == null || month.isAfter(java.time.YearMonth.from(today))
                || month.atDay(1).isAfter(today.minusDays(1))) {
            sendRaw(ex, 404, "application/xml", "<Error><Code>BlobNotFound</Code></Error>"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        LocalDate last = SimOpenData.lastDay(month, today);
        String etag = "\"sim-" + dataset + "-" + settings.seed() + "-" + month + "-" + last + "\"";
        ex.getResponseHeaders().set("ETag", etag);
        // written in the night after the last day it holds
        ex.getResponseHeaders().set("Last-Modified", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                last.plusDays(1).atStartOfDay(cl.andesops.shared.format.Formats.CHILE)
                        .withZoneSameInstant(java.time.ZoneOffset.UTC)));
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            release();
            ex.sendResponseHeaders(304, -1);
            return;
        }
        release();
        ex.getResponseHeaders().set("Content-Type", "application/zip");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            switch (dataset) {
                case "oc" -> SimOpenData.writeOrders(world, month, today, now, out);
                case "lic" -> SimOpenData.writeTenders(world, month, today, now, out);
                default -> SimQuoteFile.write(world, month, today, now, out);
            }
        }
    }

    private void send(HttpExchange ex, int status, Object body) throws IOException {
        sendRaw(ex, status, "application/json; charset=utf-8", SimJson.write(body));
    }

    private void sendRaw(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        release();
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
