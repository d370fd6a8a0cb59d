package cl.andesops.tenders.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import cl.andesops.mercadopublico.MercadoPublicoClient;

/**
 * The public tender pages, fetched on demand (never by a page view on its own: a person asks) through the client's
 * spacing rules, parsed, and cached for six hours. A failure is cached for a minute, so a broken page is not
 * hammered.
 */
@Service
public class TenderPages {

    static final Duration TTL = Duration.ofHours(6);
    static final Duration FAILURE_TTL = Duration.ofMinutes(1);

    private final MercadoPublicoClient client;
    private final Clock clock;
    private final Map<String, Cached> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > 500;
        }
    });

    private record Cached(TenderPage page, Instant at) {
    }

    TenderPages(MercadoPublicoClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public TenderPage page(String code) {
        Cached c = cache.get(code);
        Instant now = clock.instant();
        if (c != null && now.isBefore(c.at().plus(c.page().status() == TenderPage.Status.OK ? TTL : FAILURE_TTL))) {
            return c.page();
        }
        TenderPage page = client.tenderPage(code)
                .map(html -> TenderPageParser.parse(html.body(), html.url()))
                .orElse(TenderPage.failed(TenderPage.Status.UNREACHABLE));
        cache.put(code, new Cached(page, now));
        return page;
    }
}
