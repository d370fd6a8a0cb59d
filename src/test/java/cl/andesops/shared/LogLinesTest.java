package cl.andesops.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;

/** Text a visitor typed, logged, stays on one line: the app's log pattern cannot be made to forge entries. */
class LogLinesTest {

    @Test
    void a_message_with_line_breaks_is_one_log_line() throws Exception {
        Properties app = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            app.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        String pattern = app.getProperty("logging.pattern.console");
        assertThat(pattern).isNotNull();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();
        Logger logger = context.getLogger("test");
        String forged = "medicos\r\n2026-11-30T12:00:00.000-03:00  INFO [main] c.a.admin - admin logged in";
        String line = layout.doLayout(new LoggingEvent("x", logger, Level.INFO, "Search for {}", null,
                new Object[]{forged}));
        assertThat(line.strip()).doesNotContain("\n").doesNotContain("\r").contains("medicos ⏎ 2026-11-30");
    }
}
