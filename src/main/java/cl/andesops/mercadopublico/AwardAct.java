package cl.andesops.mercadopublico;

import java.time.Instant;

/** The award act of a tender (no amounts: those are per item). */
public record AwardAct(Integer type, Instant date, String number, Integer bidders, String url) {
}
