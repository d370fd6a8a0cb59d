package cl.andesops.shared.persistence;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import cl.andesops.shared.config.Secret;

/**
 * Which database to open and with which driver, from {@code DATABASE_URL} in one of the forms PRODUCT.md lists:
 * blank (SQLite in the data dir), {@code jdbc:sqlite:...}, {@code jdbc:postgresql://...} or
 * {@code postgres://user:pass@host:5432/db}. The password never appears in {@link #toString()} nor in an error.
 */
public record DatabaseTarget(Kind kind, String jdbcUrl, String driverClassName, String username, Secret password) {

    public enum Kind { SQLITE, POSTGRESQL }

    /** Pragmas every SQLite connection gets: WAL so readers never wait for the writer, and a busy timeout. */
    static final String SQLITE_PRAGMAS = "journal_mode=WAL&synchronous=NORMAL&foreign_keys=true&busy_timeout=10000"
            + "&journal_size_limit=" + SqliteMaintenance.WAL_LIMIT_BYTES;

    public static DatabaseTarget resolve(Secret databaseUrl, Path dataDir) {
        String url = databaseUrl.reveal().strip();
        if (url.isEmpty()) {
            return sqlite("jdbc:sqlite:" + dataDir.resolve("andesops.db").toAbsolutePath().normalize());
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return sqlite(url);
        }
        if (url.startsWith("jdbc:postgresql://")) {
            return new DatabaseTarget(Kind.POSTGRESQL, url, "org.postgresql.Driver", null, Secret.empty());
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return fromPostgresUri(url);
        }
        throw new IllegalArgumentException("DATABASE_URL no es válida: se espera jdbc:sqlite:..., "
                + "jdbc:postgresql://... o postgres://usuario:clave@host:5432/base");
    }

    private static DatabaseTarget sqlite(String url) {
        String withPragmas = url.contains("?") ? url : url + "?" + SQLITE_PRAGMAS;
        return new DatabaseTarget(Kind.SQLITE, withPragmas, "org.sqlite.JDBC", null, Secret.empty());
    }

    private static DatabaseTarget fromPostgresUri(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_URL no es una URL postgres:// válida");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("DATABASE_URL postgres:// necesita host y nombre de base");
        }
        String user = null;
        Secret password = Secret.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                password = Secret.of(decode(userInfo.substring(colon + 1)));
            }
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseTarget(Kind.POSTGRESQL, jdbc, "org.postgresql.Driver", user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The SQLite file, or null for another database or an in-memory one. */
    public Path sqliteFile() {
        if (kind != Kind.SQLITE) {
            return null;
        }
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = path.indexOf('?');
        path = q < 0 ? path : path.substring(0, q);
        if (path.startsWith("file:")) {
            path = path.substring(5);
        }
        return path.isEmpty() || path.contains(":memory:") ? null : Path.of(path);
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + kind + " " + redacted(jdbcUrl) + (username == null ? "" : " user=" + username) + "]";
    }

    /** A URL with any password in it (user info, or a parameter whose name contains "password") masked. */
    public static String redacted(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)(//[^/@:]*:)[^/@]*@", "$1***@")
                .replaceAll("(?i)([?&;][^=&;]*password[^=&;]*=)[^&;]*", "$1***");
    }
}
