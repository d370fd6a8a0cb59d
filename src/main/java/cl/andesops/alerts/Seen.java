package cl.andesops.alerts;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * What was last told of a followed record: an alert goes out for what differs. Stored as JSON in the follow.
 *
 * @param state     the state's code (a tender's 5 published ... 18 revoked; a request's 2 published ... 6 deserted)
 * @param stateName the state as the source names it
 * @param closesAt  epoch milliseconds
 * @param answered  whether the tender's answers to questions were due (its date past)
 * @param awards    a tender's awarded lines as "supplier|name|amount"
 * @param quotes    a request's quotes received
 * @param selected  a request's selected supplier's name
 * @param order     the purchase order a request issued
 * @param flags     the integrity indicators fired on it
 */
record Seen(Integer state, String stateName, Long closesAt, boolean answered, List<String> awards, int quotes,
            String selected, String order, List<String> flags) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    Seen {
        awards = awards == null ? List.of() : List.copyOf(awards);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    String json() {
        return JSON.writeValueAsString(this);
    }

    static Seen read(String json) {
        return json == null || json.isBlank() ? null : JSON.readValue(json, Seen.class);
    }

    /** A tender or request that will not be awarded (deserted, revoked, cancelled): its calendar event is cancelled. */
    boolean cancelled(Follow.Kind kind) {
        if (state == null) {
            return false;
        }
        return kind == Follow.Kind.TENDER ? state == 7 || state == 18 : state == 5 || state == 6;
    }
}
