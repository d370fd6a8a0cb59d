package cl.andesops.rules;

import java.io.IOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Keeps the UTM table current from SII's yearly page ({@code utm{YYYY}.htm}) when it is reachable: this year's and
 * last year's months, read once at start and then every {@code siiRefresh}. A month is taken only when its value is
 * credible and within 5 % of the month before it (the UTM follows the CPI: a jump is a misread page, not the UTM).
 * When the page cannot be read the table keeps what it has and the administration page says so.
 */
@Component
public class SiiUtm {

    private static final Logger log = LoggerFactory.getLogger(SiiUtm.class);
    private static final ZoneId CHILE = ZoneId.of("America/Santiago");
    private static final List<String> MONTHS = List.of("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
            "agosto", "septiembre", "octubre", "noviembre", "diciembre");
    private static final int MAX_PAGE_BYTES = 2 * 1024 * 1024;

    /** What the last reading did, for the administration page. */
    public record Status(Instant at, boolean ok, int months, int added, String problem) {
    }

    private final Rules rules;
    private final RulesProperties props;
    private final Clock clock;
    private volatile Status status;
    private ScheduledExecutorService timer;

    SiiUtm(Rules rules, RulesProperties props, Clock clock) {
        this.rules = rules;
        this.props = props;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (props.siiBaseUrl() == null || props.siiBaseUrl().isBlank()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("sii-utm").factory());
        timer.scheduleWithFixedDelay(this::refreshQuietly, 30, props.siiRefresh().toSeconds(), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    public Status status() {
        return status;
    }

    public boolean enabled() {
        return props.siiBaseUrl() != null && !props.siiBaseUrl().isBlank();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Reading the UTM from SII failed: {}", e.toString());
        }
    }

    /** Reads last year's and this year's pages and stores the months that are new or changed. */
    public Status refresh() {
        int year = LocalDate.now(clock.withZone(CHILE)).getYear();
        int months = 0;
        int added = 0;
        String problem = null;
        for (int y = year - 1; y <= year; y++) {
            String url = props.siiBaseUrl().replaceAll("/+$", "") + "/valores_y_fechas/utm/utm" + y + ".htm";
            try {
                Document page = Jsoup.connect(url).timeout((int) props.siiTimeout().toMillis())
                        .maxBodySize(MAX_PAGE_BYTES).userAgent("AndesOps").get();
                Map<YearMonth, Long> read = parse(page, y);
                months += read.size();
                for (Map.Entry<YearMonth, Long> e : credible(read).entrySet()) {
                    if (rules.setUtm(e.getKey(), e.getValue(), UtmValue.Source.SII)) {
                        added++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                problem = "SII " + y + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage().replaceAll("\\s+", " "));
            }
        }
        Status s = new Status(clock.instant(), problem == null, months, added, problem);
        status = s;
        if (problem != null) {
            log.info("SII's UTM page could not be read ({}): the UTM table keeps what it has", problem);
        } else if (added > 0) {
            log.info("UTM from SII: {} months read, {} new or changed", months, added);
        }
        return s;
    }

    /** The months of one year's page: rows whose first cell is a month's name and whose next number is the UTM. */
    static Map<YearMonth, Long> parse(Document page, int year) {
        Map<YearMonth, Long> out = new TreeMap<>();
        for (Element row : page.select("tr")) {
            List<String> cells = row.select("th, td").eachText();
            if (cells.size() < 2) {
                continue;
            }
            int m = MONTHS.indexOf(plain(cells.get(0)));
            if (m < 0) {
                continue;
            }
            Long pesos = pesos(cells.get(1));
            if (pesos != null && pesos >= Rules.MIN_PESOS && pesos <= Rules.MAX_PESOS) {
                out.putIfAbsent(YearMonth.of(year, m + 1), pesos);
            }
        }
        return out;
    }

    /** Drops a month more than 5 % away from the one before it (on the page or in the table). */
    Map<YearMonth, Long> credible(Map<YearMonth, Long> read) {
        Map<YearMonth, Long> out = new TreeMap<>();
        RuleTable t = rules.table();
        for (Map.Entry<YearMonth, Long> e : read.entrySet()) {
            YearMonth before = e.getKey().minusMonths(1);
            Long prev = read.containsKey(before) ? read.get(before) : t.utm(before.atDay(1)).pesos();
            if (Math.abs(e.getValue() - prev) <= prev * 0.05) {
                out.put(e.getKey(), e.getValue());
            } else {
                log.warn("SII's UTM for {} ({}) is more than 5 % away from {}'s ({}): not taken", e.getKey(),
                        e.getValue(), before, prev);
            }
        }
        return out;
    }

    private static String plain(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").strip().toLowerCase(Locale.ROOT);
    }

    /** "$ 69.751" or "69.751" → 69751; a decimal part after a comma is dropped. */
    static Long pesos(String cell) {
        String s = cell.replaceAll("[^0-9.,]", "");
        int comma = s.indexOf(',');
        if (comma >= 0) {
            s = s.substring(0, comma);
        }
        s = s.replace(".", "");
        if (s.isEmpty() || s.length() > 9) {
            return null;
        }
        return Long.parseLong(s);
    }
}
