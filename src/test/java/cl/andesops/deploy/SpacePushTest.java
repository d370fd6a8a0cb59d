package cl.andesops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cl.andesops.testing.NoDatabase;

/**
 * bin/space-push publishes the repository as the Hugging Face Hub accepts it: every binary of every commit in Git
 * LFS, a .gitattributes that says so, and a clone (as the Space's Docker build makes) gets the real files.
 * Checked against a local bare repository standing in for the Hub.
 */
@NoDatabase
class SpacePushTest {

    @TempDir Path dir;

    static String run(Path cwd, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    static boolean available(String... command) {
        try {
            return new ProcessBuilder(command).start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void every_binary_of_every_commit_goes_through_lfs_and_a_clone_gets_the_real_files() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        assumeTrue(Files.isDirectory(repo.resolve(".git")), "not a git checkout: nothing to publish");
        assumeTrue(available("git", "lfs", "version"), "git-lfs is not installed (bin/test installs it)");
        assumeTrue(!run(repo, "git", "rev-parse", "--is-shallow-repository").strip().equals("true"),
                "a shallow checkout: its history cannot be rewritten whole");
        Path remote = dir.resolve("hub.git");
        run(dir, "git", "init", "-q", "--bare", remote.toString());
        String out = run(repo, "bin/space-push", remote.toUri().toString(), "main");
        assertThat(out).contains("In LFS now:").contains("src/main/bundles/prod.bundle").contains("docs/");

        assertThat(run(dir, "git", "--git-dir", remote.toString(), "show", "main:.gitattributes"))
                .contains("*.png filter=lfs").contains("*.bundle filter=lfs");
        // the Hub's rule: no plain binary blob anywhere in the history pushed
        List<String> binaries = new ArrayList<>();
        for (String line : run(dir, "git", "--git-dir", remote.toString(), "rev-list", "--objects", "--all")
                .split("\n")) {
            String[] parts = line.split(" ", 2);
            if (parts.length == 2 && parts[1].matches(".*\\.(png|bundle|jar|zip|pdf|xlsx)$")) {
                String head = run(dir, "git", "--git-dir", remote.toString(), "cat-file", "-p", parts[0]);
                if (!head.startsWith("version https://git-lfs.github.com/spec/v1")) {
                    binaries.add(parts[1]);
                }
            }
        }
        assertThat(binaries).as("binary files stored as plain blobs").isEmpty();

        Path clone = dir.resolve("clone");
        run(dir, "git", "clone", "-q", "-b", "main", remote.toUri().toString(), clone.toString());
        byte[] bundle = Files.readAllBytes(clone.resolve("src/main/bundles/prod.bundle"));
        assertThat(bundle).as("the Docker build gets the real bundle")
                .isEqualTo(Files.readAllBytes(repo.resolve("src/main/bundles/prod.bundle")));
        assertThat(Files.readAllBytes(clone.resolve("docs/monitor-light.png"))).startsWith(0x89, 'P', 'N', 'G');
    }
}
