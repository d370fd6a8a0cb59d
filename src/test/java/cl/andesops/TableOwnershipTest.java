package cl.andesops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each feature owns its tables: only its own package (its writer, its queries, its index) names them in SQL; every
 * other package reads through the feature's query API. ArchUnit sees types, not SQL text, so this reads the sources.
 */
class TableOwnershipTest {

    /** Table → the package that owns it. */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("purchase_order", "orders"), Map.entry("order_item", "orders"), Map.entry("buyer", "orders"),
            Map.entry("supplier", "orders"), Map.entry("buyer_category_stats", "orders"),
            Map.entry("tender", "tenders"), Map.entry("tender_item", "tenders"),
            Map.entry("tender_award", "tenders"), Map.entry("tender_offer", "tenders"),
            Map.entry("ca_request", "compraagil"),
            Map.entry("ca_product", "compraagil"), Map.entry("ca_quote", "compraagil"),
            Map.entry("ca_quote_item", "compraagil"), Map.entry("sync_job", "sync"), Map.entry("sync_task", "sync"),
            Map.entry("sync_cursor", "sync"), Map.entry("api_request_ledger", "mercadopublico"),
            Map.entry("analysis", "analysis"), Map.entry("ai_usage", "analysis"), Map.entry("data_version", "shared"),
            Map.entry("cluster_node", "shared"), Map.entry("suspended_index", "shared"),
            Map.entry("import_file", "opendata"), Map.entry("import_rejection", "opendata"),
            Map.entry("utm_month", "rules"), Map.entry("derived_version", "shared"), Map.entry("flag_record", "flags"),
            Map.entry("alert_key", "alerts"), Map.entry("mail_address", "alerts"), Map.entry("saved_search", "alerts"),
            Map.entry("follow", "alerts"), Map.entry("alert", "alerts"), Map.entry("mail_token", "alerts"),
            Map.entry("mail_outbox", "alerts"));

    private static final Pattern SQL_TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]+)\\b");

    @Test
    void no_package_names_another_features_tables_in_sql() throws IOException {
        List<String> violations = violations(Path.of("src/main/java/cl/andesops"));
        assertThat(violations).as("SQL naming another feature's table").isEmpty();
    }

    @Test
    void the_rule_catches_a_cross_feature_read() throws IOException {
        Path tree = Files.createTempDirectory("ownership");
        Path file = Files.createDirectories(tree.resolve("analysis")).resolve("Sneaky.java");
        Files.writeString(file, "class Sneaky { String q = \"SELECT count(*) FROM purchase_order po\"; }");
        assertThat(violations(tree)).singleElement().asString().contains("analysis", "purchase_order");
    }

    static List<String> violations(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                if (pkg.endsWith(".java")) {
                    continue; // the application class itself
                }
                Matcher m = SQL_TABLE.matcher(Files.readString(f));
                while (m.find()) {
                    String owner = OWNER.get(m.group(1));
                    if (owner != null && !owner.equals(pkg)) {
                        out.add(root.relativize(f) + " names " + m.group(1) + " (owned by " + owner + ")");
                    }
                }
            }
        }
        return out;
    }
}
