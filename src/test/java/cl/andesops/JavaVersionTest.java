package cl.andesops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cl.andesops.testing.NoDatabase;

/**
 * The README's two commands work on a machine whose default Java is older than 25: bin/run and bin/test find a
 * JDK 25, and Maven itself, started on an older one, stops at once and says how to point JAVA_HOME.
 */
@NoDatabase
class JavaVersionTest {

    /** A JDK older than 25 on this machine (the default java of these machines is 17). */
    private static Path olderJdk() throws Exception {
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(p -> p.getFileName().toString().matches("java-1[17]-openjdk-.*|java-21-openjdk-.*"))
                    .filter(p -> Files.isExecutable(p.resolve("bin/java"))).findFirst().orElse(null);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static String run(Path javaHome, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(new File(".")).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", javaHome.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return "exit " + p.exitValue() + "\n" + out;
    }

    @Test
    void the_scripts_find_a_jdk_25_when_java_home_points_at_an_older_one() throws Exception {
        Path older = olderJdk();
        assumeTrue(older != null, "no JDK older than 25 on this machine to start from");
        String out = run(older, "bash", "-c", ". bin/java25 && \"$JAVA_HOME/bin/java\" -version");
        assertThat(out).startsWith("exit 0").containsPattern("version \"2[5-9]");
        assertThat(Files.readString(Path.of("bin/run"))).contains(". bin/java25").contains("spring-boot:run");
        assertThat(Files.readString(Path.of("bin/test"))).contains(". bin/java25");
    }

    @Test
    void maven_on_an_older_jdk_stops_and_says_how_to_point_java_home() throws Exception {
        Path older = olderJdk();
        assumeTrue(older != null, "no JDK older than 25 on this machine to start from");
        String out = run(older, List.of("./mvnw", "-o", "-B", "-q", "validate").toArray(String[]::new));
        assertThat(out).doesNotStartWith("exit 0")
                .contains("AndesOps needs Java 25").contains("JAVA_HOME");
    }
}
