package cl.andesops.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The production jar started as its own process, on a free port with an empty data directory, as an operator
 * would run it. Its output goes to a log file the tests can scan.
 */
public final class PackagedApp implements AutoCloseable {

    public final int port;
    public final Path log;
    public final Duration startup;
    private final Process process;

    private PackagedApp(int port, Path log, Process process, Duration startup) {
        this.port = port;
        this.log = log;
        this.process = process;
        this.startup = startup;
    }

    public static PackagedApp start(Map<String, String> env) throws Exception {
        return start(env, Files.createTempDirectory("andesops-e2e"));
    }

    public static PackagedApp start(Map<String, String> env, Path dir) throws Exception {
        return start(env, dir, List.of());
    }

    /** With extra JVM options (an AOT cache, a heap size); starts are timed to health UP with 50 ms resolution. */
    public static PackagedApp start(Map<String, String> env, Path dir, List<String> jvmOptions) throws Exception {
        String jar = System.getProperty("andesops.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("The packaged jar is missing (" + jar + "): run through 'mvnw verify'");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("andesops-app", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"));
        command.addAll(jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx")) ? jvmOptions
                : java.util.stream.Stream.concat(Stream.of("-Xmx512m"), jvmOptions.stream()).toList());
        command.addAll(List.of("-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("ANDESOPS_DATA_DIR", dir.toString());
        pb.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        // browser tests look at what the sync brings; a test of the first-start history import asks for it
        pb.environment().put("ANDESOPS_HISTORY_MONTHS", "0");
        // the built-in simulator publishes a weekday's volume every day: no test depends on the day it runs
        pb.environment().put("ANDESOPS_SIMULATOR_WEEKDAYRHYTHM", "false");
        // tests poll the API far faster than a visitor would: the per-address limit is tested on its own
        pb.environment().put("ANDESOPS_API_RATE_LIMIT", "0");
        pb.environment().putAll(env);
        Instant t0 = Instant.now();
        Process process = pb.start();
        PackagedApp app = new PackagedApp(port, log, process, null);
        HttpClient http = HttpClient.newHttpClient();
        while (Duration.between(t0, Instant.now()).toSeconds() < 90) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(app.uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return new PackagedApp(port, log, process, Duration.between(t0, Instant.now()));
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The app did not become healthy in 90 s:\n" + Files.readString(log));
    }

    public long pid() {
        return process.pid();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no graceful anything, as a crash or an OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as `docker stop` sends it; returns how long the app took to end (it is killed after 30 s). */
    Duration stop() throws InterruptedException {
        long t0 = System.nanoTime();
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
