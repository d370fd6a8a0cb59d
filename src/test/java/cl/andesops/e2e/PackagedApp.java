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
 * would run it. Its output goes to a log file the tests can scan. It runs as the image runs it (Dockerfile): the jar
 * extracted to a plain classpath with a JDK 25 AOT cache trained once on it, the same JVM options in training and at
 * run time; that start takes about two thirds of a {@code java -jar} one, which every end-to-end test pays once or
 * twice. {@link #startPlain} runs the jar itself, for the benchmark that compares the two.
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

    /** With extra JVM options (a heap size); starts are timed to health UP with 50 ms resolution. */
    public static PackagedApp start(Map<String, String> env, Path dir, List<String> jvmOptions) throws Exception {
        Extracted run = extracted();
        List<String> options = new ArrayList<>(jvmOptions);
        if (run.cache() != null) {
            options.add("-XX:AOTCache=" + run.cache());
        }
        return start(run.jar(), env, dir, options);
    }

    /** {@code java -jar} on the packaged jar itself, no cache. */
    public static PackagedApp startPlain(Map<String, String> env, Path dir) throws Exception {
        return start(packagedJar(), env, dir, List.of());
    }

    /** The JVM options of every start, and of the cache's training (the JVM refuses a cache trained with others). */
    static final List<String> JVM_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED",
            "--add-modules=jdk.incubator.vector");

    /** The jar extracted to a plain classpath, and its AOT cache (null when training failed: it then starts without). */
    public record Extracted(Path jar, Path cache) {
    }

    private static Extracted extracted;

    /**
     * Extracts the packaged jar next to it ({@code target/packaged-run}) and trains its AOT cache on one start with an
     * empty data directory, once per jar: a later run of the tests on the same jar reuses both.
     */
    public static synchronized Extracted extracted() throws Exception {
        Path jar = packagedJar();
        if (extracted != null && Files.getLastModifiedTime(extracted.jar()).compareTo(
                Files.getLastModifiedTime(jar)) >= 0) {
            return extracted;
        }
        Path dir = jar.toAbsolutePath().getParent().resolve("packaged-run");
        Path stamp = dir.resolve("from-" + Files.getLastModifiedTime(jar).toMillis() + "-" + Files.size(jar));
        Path runJar = dir.resolve(jar.getFileName());
        Path cache = dir.resolve("app.aot");
        if (!Files.exists(stamp)) {
            deleteTree(dir);
            run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", dir.toString()),
                    Map.of(), dir.resolveSibling("packaged-run-extract.log"), 120);
            Path training = Files.createTempDirectory("andesops-aot-training");
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(JVM_OPTIONS);
            command.addAll(List.of("-Xmx512m", "-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar",
                    runJar.toString()));
            boolean trained = run(command, Map.of("ANDESOPS_DATA_DIR", training.toString(), "PORT", "0",
                    "ANDESOPS_SYNC_ENABLED", "false", "ANDESOPS_HISTORY_MONTHS", "0", "VAADIN_USAGE_STATS_ENABLED",
                    "false"), dir.resolve("aot-training.log"), 180) && Files.exists(cache);
            deleteTree(training);
            if (!trained) {
                System.err.println("PackagedApp: the AOT cache could not be trained (see " + dir.resolve(
                        "aot-training.log") + "): the app starts without it");
                Files.deleteIfExists(cache);
            }
            Files.createFile(stamp);
        }
        extracted = new Extracted(runJar, Files.exists(cache) ? cache : null);
        return extracted;
    }

    private static Path packagedJar() {
        String jar = System.getProperty("andesops.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("The packaged jar is missing (" + jar + "): run through 'mvnw verify'");
        }
        return Path.of(jar);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean run(List<String> command, Map<String, String> env, Path log, int seconds)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static PackagedApp start(Path jar, Map<String, String> env, Path dir, List<String> jvmOptions)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("andesops-app", ".log");
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(JVM_OPTIONS);
        command.addAll(jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx")) ? jvmOptions
                : Stream.concat(Stream.of("-Xmx512m"), jvmOptions.stream()).toList());
        // -Dandesops.app.jvm-options="-XX:StartFlightRecording=..." profiles the app a benchmark starts
        String extra = System.getProperty("andesops.app.jvm-options", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
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
