package cl.andesops.mercadopublico;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import cl.andesops.shared.config.Secret;

/**
 * The Mercado Público integration: {@code MERCADO_PUBLICO_TICKET}, {@code MERCADO_PUBLICO_BASE_URL},
 * {@code COMPRA_AGIL_BASE_URL}, and the limits the real API enforces (one request at a time, starts at least
 * {@code minSpacing} apart, {@code dailyQuota} requests per ticket and Chile calendar day).
 */
@Validated
@ConfigurationProperties("andesops.mercadopublico")
public record MercadoPublicoProperties(
        @DefaultValue("") Secret ticket,
        @NotNull @DefaultValue("https://api.mercadopublico.cl") URI baseUrl,
        @NotNull @DefaultValue("https://api2.mercadopublico.cl") URI compraAgilBaseUrl,
        @NotNull @DefaultValue("https://www.mercadopublico.cl") URI webBaseUrl,
        @DefaultValue("1500ms") Duration minSpacing,
        @Min(1) @DefaultValue("10000") int dailyQuota,
        @Min(0) @DefaultValue("500") int interactiveReserve,
        @DefaultValue("20s") Duration requestTimeout,
        @DefaultValue({"30s", "60s", "120s"}) List<Duration> burstBackoff,
        @DefaultValue({"2s", "5s", "15s"}) List<Duration> errorBackoff,
        @Min(0) @DefaultValue("120") int interactivePerHour,
        @DefaultValue("2MB") org.springframework.util.unit.DataSize maxPageSize,
        @DefaultValue("32MB") org.springframework.util.unit.DataSize maxBodySize) {

    /** What people may ask of Mercado Público through the app, and how much of an answer is read. */
    public HttpTransport.Bounds bounds() {
        return new HttpTransport.Bounds(interactivePerHour, (int) Math.min(Integer.MAX_VALUE - 8, maxPageSize.toBytes()),
                (int) Math.min(Integer.MAX_VALUE - 8, maxBodySize.toBytes()));
    }

    /** Without a ticket the app runs on its built-in simulator. */
    public boolean demoMode() {
        return !ticket.isSet();
    }
}
