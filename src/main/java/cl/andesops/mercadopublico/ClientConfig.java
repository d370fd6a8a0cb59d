package cl.andesops.mercadopublico;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientConfig {

    private static final Logger log = LoggerFactory.getLogger(ClientConfig.class);

    /** The real services with the real spacing when a ticket is set; the simulator otherwise. */
    @Bean
    Endpoints endpoints(MercadoPublicoProperties properties, ObjectProvider<SimulatedEndpoints> simulator) {
        if (properties.demoMode()) {
            SimulatedEndpoints sim = simulator.getIfAvailable();
            if (sim == null) {
                throw new IllegalStateException("Sin MERCADO_PUBLICO_TICKET y sin simulador: no hay fuente de datos");
            }
            Endpoints e = sim.endpoints();
            log.info("Demo mode: no MERCADO_PUBLICO_TICKET, syncing from the built-in simulator at {}", e.v1Base());
            return e;
        }
        log.info("Live mode: Mercado Público at {} and {}",
                cl.andesops.shared.persistence.DatabaseTarget.redacted(String.valueOf(properties.baseUrl())),
                cl.andesops.shared.persistence.DatabaseTarget.redacted(String.valueOf(properties.compraAgilBaseUrl())));
        return new Endpoints(properties.baseUrl(), properties.compraAgilBaseUrl(), properties.webBaseUrl(),
                properties.ticket(), properties.minSpacing(), false);
    }

    @Bean
    HttpTransport httpTransport(Endpoints endpoints, RequestLedger ledger, CallLog calls,
                                MercadoPublicoProperties properties, Clock clock) {
        // the simulator agrees with the client on its pace, so a rare jitter-induced rejection is retried at once
        var bursts = endpoints.simulated() ? java.util.List.of(java.time.Duration.ofMillis(200),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(3)) : properties.burstBackoff();
        var errors = endpoints.simulated() ? java.util.List.of(java.time.Duration.ofMillis(200),
                java.time.Duration.ofSeconds(1)) : properties.errorBackoff();
        return new HttpTransport(endpoints, new RequestGate(endpoints.minSpacing(), clock), ledger, calls,
                properties.requestTimeout(), bursts, errors, properties.bounds());
    }

    @Bean
    MercadoPublicoClient mercadoPublicoClient(HttpTransport transport) {
        return new HttpMercadoPublicoClient(transport);
    }

    @Bean
    CompraAgilClient compraAgilClient(HttpTransport transport) {
        return new HttpCompraAgilClient(transport);
    }
}
