package cl.andesops.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that starts no Spring context and opens no database of the app's, or (the benchmark suite) measures the
 * SQLite configuration only: the suite's second run, on PostgreSQL, leaves it out (the pom's {@code excludedGroups}),
 * since it would only repeat the first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(NoDatabase.TAG)
public @interface NoDatabase {
    String TAG = "no-database";
}
