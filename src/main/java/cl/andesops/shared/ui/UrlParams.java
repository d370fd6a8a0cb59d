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
}
