package cl.andesops.mercadopublico;

/** An HTML page of mercadopublico.cl as fetched: its final URL and its body. */
public record WebPage(String url, String body) {
}
