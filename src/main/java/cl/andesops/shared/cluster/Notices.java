package cl.andesops.shared.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.events.Signal;
import cl.andesops.shared.events.SyncProgress;

/**
 * What the nodes tell each other by NOTIFY, as JSON on four channels: a commit (its dataset, data version and as
 * many codes as fit), the leader's sync progress, an admin's command for the leader, and a feature's signal (new
 * alerts); and each read back as the event it announces to a node.
 */
final class Notices {

    static final String DATA = "andesops_data";
    static final String PROGRESS = "andesops_progress";
    static final String CONTROL = "andesops_control";
    static final String SIGNAL = "andesops_signal";
    static final List<String> CHANNELS = List.of(DATA, PROGRESS, CONTROL, SIGNAL);
    /** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more: codes beyond this are left out. */
    static final int PAYLOAD_BYTES = 7_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Notices() {
    }

    /** The notification of a commit: node, dataset, data version, added and changed codes (maybe cut short). */
    record Change(String node, Dataset dataset, long version, List<String> added, List<String> changed,
                  boolean cut) {
    }

    record Progress(String node, SyncProgress progress) {
    }

    record Control(String node, String command) {
    }

    record Signalled(String node, String topic, List<String> subjects) {
    }

    static String change(String node, DataChanged event, long version) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int bytes = 200 + node.length();
        boolean cut = false;
        for (List<String> from : List.of(event.added(), event.changed())) {
            for (String code : from) {
                bytes += code.getBytes(StandardCharsets.UTF_8).length + 3;
                if (bytes > PAYLOAD_BYTES) {
                    cut = true;
                    break;
                }
                (from == event.added() ? added : changed).add(code);
            }
        }
        return JSON.writeValueAsString(new Change(node, event.dataset(), version, added, changed, cut));
    }

    static String progress(String node, SyncProgress progress) {
        return JSON.writeValueAsString(new Progress(node, progress));
    }

    static String control(String node, String command) {
        return JSON.writeValueAsString(new Control(node, command));
    }

    /** A signal with as many subjects as a notification holds. */
    static String signal(String node, String topic, List<String> subjects) {
        List<String> fit = new ArrayList<>();
        int bytes = 200 + topic.length() + node.length();
        for (String s : subjects) {
            bytes += s.getBytes(StandardCharsets.UTF_8).length + 3;
            if (bytes > PAYLOAD_BYTES) {
                break;
            }
            fit.add(s);
        }
        return JSON.writeValueAsString(new Signalled(node, topic, fit));
    }

    /**
     * The event a notice announces to node {@code self} (null when it is its own, not for it, or a commit it already
     * caught up past, by {@code seen}, the last version it saw per dataset, updated here).
     */
    static Object read(String channel, String payload, String self, boolean leads, Map<Dataset, Long> seen) {
        switch (channel) {
            case SIGNAL -> {
                Signalled s = JSON.readValue(payload, Signalled.class);
                return s.node().equals(self) ? null : new Signal(s.topic(), s.subjects());
            }
            case CONTROL -> {
                Control c = JSON.readValue(payload, Control.class);
                return c.node().equals(self) || !leads ? null : new Cluster.Command(c.command());
            }
            case PROGRESS -> {
                Progress p = JSON.readValue(payload, Progress.class);
                return p.node().equals(self) || leads ? null : p.progress();
            }
            default -> {
                Change c = JSON.readValue(payload, Change.class);
                if (c.node().equals(self)) {
                    return null;
                }
                synchronized (seen) {
                    Long before = seen.get(c.dataset());
                    if (before != null && c.version() <= before) {
                        return null; // already caught up past it
                    }
                    seen.put(c.dataset(), c.version());
                }
                return new DataChanged(c.dataset(), c.version(), c.added(), c.changed(), true);
            }
        }
    }
}
