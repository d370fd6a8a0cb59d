package cl.andesops.shared.cluster;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.events.SyncProgress;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.persistence.DatabaseTarget;
import cl.andesops.shared.persistence.Writer;

/**
 * The app processes on one database and the one of them that leads: runs the sync and the history imports.
 *
 * <p>On SQLite there is one process per data directory, so it leads. On PostgreSQL every node keeps one session of
 * its own (outside the pools) for its whole life: the leader holds an advisory lock on it, the others try to take it
 * every few seconds, so when the leader dies (its session ends with its process, or after TCP keepalives for a host
 * that vanished) another leads within {@link #HEARTBEAT} plus the keepalive time, and its sync and imports resume
 * from what the database says was done. A leader that loses its session stops leading at once.
 *
 * <p>The same session LISTENs: every node announces its commits with NOTIFY (the dataset, its data version and as
 * many codes as fit), and the others publish them as {@link DataChanged} so their search indexes, the Monitor's
 * columns and open screens follow. After a reconnect a node compares the data versions with the last it saw and
 * catches up. The leader's sync progress travels the same way, for the header of every node.
 */
@Component
public class Cluster implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Cluster.class);

    /** "AndesOps" in ASCII: the advisory lock whose holder leads. */
    static final long LEADER_LOCK = 0x416E6465734F7073L;
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A node whose row was not written for this long is gone. */
    static final Duration GONE_AFTER = Duration.ofSeconds(20);
    /** Before the indexes (and so before the sync): leadership is known when the sync starts. */
    public static final int PHASE = Integer.MAX_VALUE - 300;

    /** A node as the others see it. */
    public record Node(String id, String host, String role, Instant startedAt, Instant seenAt) {
        public boolean leads() {
            return "LEADER".equals(role);
        }
    }

    /** Which database, this node, the leader (null while none is known) and the nodes alive. */
    public record View(String database, String self, String leader, List<Node> nodes) {
    }

    /** An admin's command given on another node, for the leader: pause or resume the sync or the imports. */
    public record Command(String name) {
    }

    private final DatabaseTarget target;
    private final JdbcTemplate writer;
    private final JdbcClient read;
    private final DataVersions versions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String nodeId;
    private final String host;
    private final Map<Dataset, Long> seen = new EnumMap<>(Dataset.class);
    private volatile Instant startedAt;
    private volatile boolean leader;
    private volatile boolean running;
    private volatile Thread thread;
    /** PostgreSQL only, used by the cluster thread alone: the lock and the LISTEN. */
    private Connection session;
    /** System.nanoTime of the last heartbeat: the app's clock may stand still in tests. */
    private volatile long lastBeat;

    Cluster(DatabaseTarget target, @Qualifier(Writer.NAME) JdbcTemplate writer, JdbcClient read,
            DataVersions versions, ApplicationEventPublisher events, Clock clock,
            @Value("${andesops.cluster.node-id:}") String nodeId) {
        this.target = target;
        this.writer = writer;
        this.read = read;
        this.versions = versions;
        this.events = events;
        this.clock = clock;
        this.host = hostName();
        // a name the operator gives (ANDESOPS_CLUSTER_NODE_ID), else the host and the process
        this.nodeId = nodeId == null || nodeId.isBlank() ? host + "-" + ProcessHandle.current().pid() : nodeId.strip();
    }

    private boolean postgres() {
        return target.kind() == DatabaseTarget.Kind.POSTGRESQL;
    }

    /** Whether this node runs the sync and the imports. */
    public boolean leads() {
        return leader;
    }

    public String nodeId() {
        return nodeId;
    }

    /** The nodes alive (seen within {@link #GONE_AFTER}) and the leader among them. */
    public View view() {
        long since = clock.instant().minus(GONE_AFTER).toEpochMilli();
        List<Node> nodes = read.sql("""
                SELECT node_id, host, role, started_at, seen_at FROM cluster_node
                WHERE seen_at >= :since ORDER BY started_at, node_id""").param("since", since)
                .query((rs, n) -> new Node(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)))).list();
        String leaderId = leader ? nodeId : nodes.stream().filter(Node::leads).map(Node::id)
                .reduce((a, b) -> b).orElse(null);
        return new View(postgres() ? "PostgreSQL" : "SQLite", nodeId, leaderId, nodes);
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        startedAt = clock.instant();
        if (postgres()) {
            try {
                connect();
            } catch (SQLException e) {
                log.warn("The cluster session could not be opened ({}): this node follows until it can",
                        e.getMessage());
                closeSession();
            }
        } else {
            leader = true; // one process per data directory: it leads
        }
        beat();
        thread = Thread.ofPlatform().name("cluster").daemon(true).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            writer.update("DELETE FROM cluster_node WHERE node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.debug("Could not remove this node's row: {}", e.toString());
        }
        closeSession(); // releases the lock: another node leads within a heartbeat
        leader = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void loop() {
        while (running) {
            try {
                if (!postgres()) {
                    sleep(HEARTBEAT);
                    beat();
                    continue;
                }
                if (session == null) {
                    connect();
                }
                PGNotification[] received = session.unwrap(PGConnection.class).getNotifications(1_000);
                if (received != null) {
                    for (PGNotification n : received) {
                        receive(n.getName(), n.getParameter());
                    }
                }
                if (System.nanoTime() - lastBeat >= HEARTBEAT.toNanos()) {
                    if (!leader) {
                        tryToLead();
                    } else {
                        try (Statement s = session.createStatement()) {
                            s.execute("SELECT 1"); // the lock lives as long as this session
                        }
                    }
                    beat();
                }
            } catch (SQLException e) {
                if (!running) {
                    break;
                }
                log.warn("The cluster session was lost ({}){}", e.getMessage(),
                        leader ? ": this node stops leading" : "");
                closeSession();
                if (leader) {
                    changeLeadership(false);
                }
                sleep(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Cluster step failed: {}", e.toString());
                    sleep(Duration.ofSeconds(2));
                }
            }
        }
    }

    /** Opens the session, listens, catches up with what was committed while away, and tries to lead. */
    private void connect() throws SQLException {
        Properties p = new Properties();
        if (target.username() != null) {
            p.setProperty("user", target.username());
        }
        if (target.password().isSet()) {
            p.setProperty("password", target.password().reveal());
        }
        p.setProperty("ApplicationName", "andesops-cluster " + nodeId);
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("connectTimeout", "10");
        p.setProperty("socketTimeout", "30");
        // the server notices a vanished host within ~25 s and releases its lock
        p.setProperty("options", "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3");
        Connection c = DriverManager.getConnection(target.jdbcUrl(), p);
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String channel : Notices.CHANNELS) {
                s.execute("LISTEN " + channel);
            }
        }
        session = c;
        catchUp();
        tryToLead();
    }

    private void tryToLead() throws SQLException {
        try (Statement s = session.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LEADER_LOCK + ")")) {
            if (rs.next() && rs.getBoolean(1)) {
                changeLeadership(true);
            }
        }
    }

    private void changeLeadership(boolean leads) {
        leader = leads;
        log.info(leads ? "This node ({}) leads: it runs the sync and the imports"
                : "This node ({}) no longer leads", nodeId);
        beat();
        if (leads) {
            // the lock says only this node leads: rows of a leader that died say otherwise until they age out
            try {
                writer.update("UPDATE cluster_node SET role = 'FOLLOWER' WHERE node_id <> ? AND role = 'LEADER'",
                        nodeId);
            } catch (RuntimeException e) {
                log.debug("Could not mark the previous leader's row: {}", e.toString());
            }
        }
        if (running) {
            events.publishEvent(new LeadershipChanged(leads));
        }
    }

    /** Writes this node's row (and forgets nodes gone for a day). */
    private void beat() {
        Instant now = clock.instant();
        lastBeat = System.nanoTime();
        try {
            writer.update("""
                    INSERT INTO cluster_node (node_id, host, role, started_at, seen_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (node_id) DO UPDATE SET role = excluded.role, seen_at = excluded.seen_at""",
                    nodeId, host, leader ? "LEADER" : "FOLLOWER", startedAt.toEpochMilli(), now.toEpochMilli());
            writer.update("DELETE FROM cluster_node WHERE seen_at < ?", now.minus(Duration.ofDays(1)).toEpochMilli());
        } catch (RuntimeException e) {
            log.warn("Could not write this node's heartbeat: {}", e.getMessage());
        }
    }

    // ---- commits across nodes ----------------------------------------------------------------------------

    /** After a (re)connect: what other nodes committed while this one was not listening. */
    private void catchUp() {
        for (Dataset d : Dataset.values()) {
            long current = versions.current(d);
            Long before;
            synchronized (seen) {
                before = seen.put(d, current);
            }
            if (before != null && current > before) {
                log.info("Catching up with {} up to version {} (last seen {})", d, current, before);
                events.publishEvent(new DataChanged(d, current, List.of(), List.of(), true));
            }
        }
    }

    /** This node committed: tell the others, with as many codes as a notification holds. */
    @EventListener
    void on(DataChanged event) {
        if (!postgres() || event.fromOtherNode() || !running) {
            return;
        }
        long version = event.version() != DataChanged.UNKNOWN ? event.version() : versions.current(event.dataset());
        synchronized (seen) {
            seen.merge(event.dataset(), version, Math::max);
        }
        notify(Notices.DATA, Notices.change(nodeId, event, version));
    }

    /** The leader's sync progress, for the header of the other nodes. */
    @EventListener
    void on(SyncProgress progress) {
        if (postgres() && leader && running) {
            notify(Notices.PROGRESS, Notices.progress(nodeId, progress));
        }
    }

    private void notify(String channel, String payload) {
        try {
            read.sql("SELECT pg_notify(:channel, :payload)").param("channel", channel).param("payload", payload)
                    .query().singleValue();
        } catch (RuntimeException e) {
            // the others catch up by version when their next notification or reconnect comes
            log.warn("Could not notify the other nodes: {}", e.getMessage());
        }
    }

    /**
     * Passes an admin's command to the leader when this node does not lead (the caller already applied it here, so
     * this node's screens agree); the leader publishes it as a {@link Command}.
     */
    public void tellLeader(String command) {
        if (postgres() && !leader && running) {
            notify(Notices.CONTROL, Notices.control(nodeId, command));
        }
    }

    /**
     * A feature's news for the other nodes (as many subjects as a notification holds): they get a
     * {@link cl.andesops.shared.events.Signal}.
     */
    public void signal(String topic, List<String> subjects) {
        if (!postgres() || !running) {
            return;
        }
        notify(Notices.SIGNAL, Notices.signal(nodeId, topic, subjects));
    }

    void receive(String channel, String payload) {
        try {
            Object event = Notices.read(channel, payload, nodeId, leader, seen);
            if (event instanceof Command c) {
                log.info("Command {} from another node", c.name());
            }
            if (event != null) {
                events.publishEvent(event);
            }
        } catch (RuntimeException e) {
            log.warn("Ignoring a notification on {}: {}", channel, e.toString());
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private void closeSession() {
        Connection c = session;
        session = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("Closing the cluster session: {}", e.toString());
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }
}
