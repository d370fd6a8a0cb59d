package cl.andesops.mercadopublico;

import java.time.Instant;

/** A tender as a v1 list shows it: code, name, current state and closing time. */
public record ListedTender(String code, String name, Integer stateCode, Instant closesAt) {
}
