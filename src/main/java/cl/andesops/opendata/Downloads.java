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
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1) + (append ? have : 0);
            if (total > properties.maxBytes()) {
                throw new IOException("El archivo " + path + " pesa " + total + " bytes: más que el límite de "
                        + properties.maxBytes());
            }
            Files.createDirectories(target.getParent());
            progress.started(append ? partialEtag : newEtag, newModified);
            long done = append ? have : 0;
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, append
                    ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    done += n;
                    if (done > properties.maxBytes()) {
                        throw new IOException("El archivo " + path + " supera el límite de " + properties.maxBytes()
                                + " bytes");
                    }
                    progress.bytes(done, total);
                }
            }
            return new Fetched(target, append ? partialEtag : newEtag, newModified, done, false, false);
        }
    }
}
