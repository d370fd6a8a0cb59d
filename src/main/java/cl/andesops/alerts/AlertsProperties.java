package cl.andesops.alerts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What saved searches, follows and their mails may cost (the README's table): searches and follows per key, mails
 * per address and day, how long a confirmation or an unsubscription link lives; and the address the app is reached
 * at, for the links of mails and feeds ({@code ANDESOPS_PUBLIC_URL}; on a Space, its host).
 */
@ConfigurationProperties("andesops.alerts")
public record AlertsProperties(@DefaultValue("") String publicUrl, @DefaultValue("") String spaceHost,
                               @DefaultValue("8080") int port, @DefaultValue("50") int maxPerKey,
                               @DefaultValue("20") int mailsPerAddressPerDay,
                               @DefaultValue("2d") Duration confirmFor, @DefaultValue("90d") Duration unsubscribeFor) {

    /**
     * The app's address as a visitor reached it ({@code requestBase}, from the request being answered) unless the
     * variable names one: for links on a page or in an API answer. Mails and feeds are written off any request and
     * use {@link #base()}.
     */
    public String base(String requestBase) {
        if (!publicUrl.isBlank() || requestBase == null || requestBase.isBlank()) {
            return base();
        }
        return requestBase.endsWith("/") ? requestBase.substring(0, requestBase.length() - 1) : requestBase;
    }

    /** The app's address without a trailing slash: the variable, else the Space's, else this machine's port. */
    public String base() {
        String url = !publicUrl.isBlank() ? publicUrl.strip()
                : !spaceHost.isBlank() ? "https://" + spaceHost.strip() : "http://localhost:" + port;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
