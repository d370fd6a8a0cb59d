package cl.andesops.mercadopublico;

import java.net.URI;
import java.time.Duration;

import cl.andesops.shared.config.Secret;

/**
 * Where the clients send requests, with which ticket and how far apart: the real services, or the built-in
 * simulator in demo mode (which agrees with the client on a short spacing).
 */
public record Endpoints(URI v1Base, URI compraAgilBase, URI webBase, Secret ticket, Duration minSpacing,
                        boolean simulated) {
}
