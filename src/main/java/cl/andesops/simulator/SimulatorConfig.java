package cl.andesops.simulator;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cl.andesops.mercadopublico.Endpoints;
import cl.andesops.mercadopublico.SimulatedEndpoints;
import cl.andesops.shared.config.Secret;

/** In demo mode (no MERCADO_PUBLICO_TICKET) the simulator starts on loopback and the clients talk to it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${andesops.mercadopublico.ticket:}'.isBlank()")
class SimulatorConfig {

    @Bean(destroyMethod = "close")
    SimulatorServer simulatorServer(SimulatorSettings settings, Clock clock) {
        return SimulatorServer.start(settings, clock);
    }

    @Bean
    SimulatedEndpoints simulatedEndpoints(SimulatorServer server) {
        Endpoints endpoints = new Endpoints(server.baseUrl(), server.baseUrl(), server.baseUrl(),
                Secret.of(server.settings().ticket()),
                server.settings().minSpacing(), true);
        return () -> endpoints;
    }
}
