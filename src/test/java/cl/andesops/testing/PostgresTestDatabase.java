package cl.andesops.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs every Spring context of the test suite on PostgreSQL when the system property {@code andesops.test.postgres}
 * holds a server's JDBC URL (the suite's second run, which {@code bin/test} starts on a throwaway cluster): each
 * context gets a database of its own, new and empty, as the SQLite run gives each a fresh file. A context that names
 * its database itself ({@code --andesops.storage.database-url=...} on its command line) keeps it.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY = "andesops.test.postgres";
    private static final AtomicInteger COUNT = new AtomicInteger();

    /** The server the suite runs on, or null when it runs on SQLite. */
    public static String server() {
        String url = System.getProperty(PROPERTY, "");
        return url.isBlank() ? null : url;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String server = server();
        var sources = context.getEnvironment().getPropertySources();
        var args = sources.get("commandLineArgs");
        if (server == null || args != null && args.containsProperty("andesops.storage.database-url")) {
            return;
        }
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + server, e);
        }
        String url = server.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
        sources.addFirst(new MapPropertySource("postgresTestDatabase",
                Map.of("andesops.storage.database-url", url)));
    }
}
