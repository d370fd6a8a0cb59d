package cl.andesops.shared.ui;

import java.util.List;
import java.util.Map;

/** Reading a screen's filters back from its address. */
public final class UrlParams {

    private UrlParams() {
    }

    /** The first value of {@code key} in the query, or {@code fallback} when it is absent or empty. */
    public static String first(Map<String, List<String>> query, String key, String fallback) {
        List<String> v = query.get(key);
        return v == null || v.isEmpty() ? fallback : v.getFirst();
    }

    /** The app's address as the browser sees it (forwarded headers honoured), for links that leave the page. */
    public static String baseUrl() {
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        if (request == null) {
            return "";
        }
        String url = request.getRequestURL().toString();
        String context = request.getContextPath();
        int path = url.indexOf('/', url.indexOf("//") + 2);
        return (path < 0 ? url : url.substring(0, path)) + context + "/";
    }
}
