package cl.andesops.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Downloads a month's ZIP to a file, resuming after a cut: a partial file is continued with {@code Range} (guarded
 * by {@code If-Range}, so a file ChileCompra rewrote meanwhile starts over), and a month already imported is asked
 * for with {@code If-None-Match}/{@code If-Modified-Since}, so an unchanged one costs a 304. Redirects are not
 * followed; a body over the size limit is refused.
 */
final class Downloads {

    /** What the server said of a file. */
    record Fetched(Path file, String etag, String lastModified, long bytes, boolean unchanged, boolean missing) {
    }

    /** What a download is at: the file's identity before its body, then bytes as they arrive. */
    interface Progress {
        /** Before the body: a resumed download needs this ETag to ask for the rest of the same file. */
        void started(String etag, String lastModified);

        void bytes(long done, long total);
    }

    /**
     * Cuts a body that sends nothing for {@code timeout}, or that is not done by {@code downloadDeadline}: the
     * client's own timeout covers only the headers, and a host that sends 4 KB then nothing would hold the import
     * for ever. Closing the body from here ends the reader's wait; {@link #check} then says why.
     */
    private final class Watchdog implements AutoCloseable {
        private final InputStream body;
        private final String path;
        private final long deadline;
        private volatile long last = System.nanoTime();
        private volatile String cut;
        private final Thread thread;

        Watchdog(InputStream body, String path) {
            this.body = body;
            this.path = path;
            this.deadline = System.nanoTime() + properties.downloadDeadline().toNanos();
            this.thread = Thread.ofVirtual().name("open-data-download-watchdog").start(this::watch);
        }

        void alive() {
            last = System.nanoTime();
        }

        private void watch() {
            long idle = properties.timeout().toNanos();
            long tick = Math.max(10, Math.min(1_000, properties.timeout().toMillis() / 4));
            try {
                while (cut == null) {
                    Thread.sleep(tick);
                    long now = System.nanoTime();
                    if (now - last > idle) {
                        cut = "El servidor de datos abiertos dejó de enviar " + path + " por más de "
                                + properties.timeout().toSeconds() + " s";
                    } else if (now > deadline) {
                        cut = "La descarga de " + path + " pasó del plazo de "
                                + properties.downloadDeadline().toMinutes() + " min";
                    }
                }
                body.close();
            } catch (InterruptedException | IOException e) {
                // the download ended first
            }
        }

        void check() throws IOException {
            if (cut != null) {
                throw new IOException(cut);
            }
        }

        @Override
        public void close() throws IOException {
            thread.interrupt();
            check();
        }
    }

    private final HttpClient http;
    private final OpenDataProperties properties;
    private final URI base;

    /** {@code base} is where the files are: ChileCompra's host, or the simulator in demo mode. */
    Downloads(URI base, OpenDataProperties properties) {
        this.base = base;
        this.properties = properties;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout()).build();
    }

    /**
     * Fetches {@code path} into {@code target}; {@code etag} and {@code lastModified} are what the last complete
     * import saw (null when none), {@code partialEtag} the ETag of the partial file on disk.
     */
    Fetched fetch(String path, Path target, String etag, String lastModified, String partialEtag, Progress progress)
            throws IOException, InterruptedException {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        URI uri = URI.create(root + path);
        long have = Files.isRegularFile(target) && partialEtag != null ? Files.size(target) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.timeout()).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-").header("If-Range", partialEtag);
        } else {
            Optional.ofNullable(etag).ifPresent(e -> request.header("If-None-Match", e));
            Optional.ofNullable(lastModified).ifPresent(m -> request.header("If-Modified-Since", m));
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        String newEtag = response.headers().firstValue("ETag").orElse(null);
        String newModified = response.headers().firstValue("Last-Modified").orElse(null);
        try (InputStream body = response.body()) {
            if (status == 304) {
                return new Fetched(target, etag, lastModified, 0, true, false);
            }
            if (status == 404) {
                return new Fetched(target, null, null, 0, false, true);
            }
            if (status != 200 && status != 206) {
                throw new IOException("El servidor de datos abiertos respondió " + status + " a " + path);
            }
            boolean append = status == 206;
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long total = length < 0 ? -1 : length + (append ? have : 0);
            if (total > properties.maxBytes()) {
                throw new IOException("El archivo " + path + " pesa " + total + " bytes: más que el límite de "
                        + properties.maxBytes());
            }
            Files.createDirectories(target.getParent());
            progress.started(append ? partialEtag : newEtag, newModified);
            long done = append ? have : 0;
            try (Watchdog watchdog = new Watchdog(body, path);
                 OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, append
                         ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[1 << 16];
                try {
                    for (int n; (n = body.read(buffer)) >= 0; ) {
                        watchdog.alive();
                        out.write(buffer, 0, n);
                        done += n;
                        if (done > properties.maxBytes()) {
                            out.close();
                            Files.deleteIfExists(target); // its rest would be too much again: nothing to resume
                            throw new IOException("El archivo " + path + " supera el límite de "
                                    + properties.maxBytes() + " bytes");
                        }
                        progress.bytes(done, total);
                    }
                } catch (IOException e) {
                    watchdog.check(); // cut by the watchdog: its reason, not the closed stream's
                    throw e;
                }
                watchdog.check(); // a body cut by the watchdog ends like a complete one: it is not
            }
            if (total >= 0 && done < total) {
                throw new IOException("La descarga de " + path + " se cortó en " + done + " de " + total + " bytes");
            }
            return new Fetched(target, append ? partialEtag : newEtag, newModified, done, false, false);
        }
    }
}
