package cl.andesops.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import cl.andesops.AndesOpsApplication;
import cl.andesops.mercadopublico.BuyerInfo;
import cl.andesops.mercadopublico.TenderDetail;
import cl.andesops.shared.I18n;
import cl.andesops.shared.cluster.Cluster;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.tenders.TenderWriter;
import cl.andesops.testing.MailStub;
import cl.andesops.testing.PostgresTestDatabase;

/**
 * Two nodes of the app on one PostgreSQL database: only the leader matches and mails, the other's bells hear of the
 * leader's alerts, and when the leader stops the other takes over: what is committed next is told and mailed once,
 * and nothing told before is told or mailed again.
 */
class AlertsTwoNodesTest {

    @TempDir
    Path a;
    @TempDir
    Path b;

    @Test
    void the_leader_matches_and_mails_the_other_hears_and_a_failover_loses_and_doubles_nothing() throws Exception {
        assumeTrue(PostgresTestDatabase.server() != null, "PostgreSQL run skipped: no server given");
        MailStub mail = MailStub.shared();
        try (ConfigurableApplicationContext nodeB = start(b, "node-b", null, mail);
             ConfigurableApplicationContext nodeA = start(a, "node-a",
                     nodeB.getEnvironment().getProperty("andesops.storage.database-url"), mail)) {
            assertThat(nodeB.getBean(Cluster.class).leads()).as("the first node leads").isTrue();
            assertThat(nodeA.getBean(Cluster.class).leads()).isFalse();
            List<AlertsAdded> heardOnA = new CopyOnWriteArrayList<>();
            nodeA.addApplicationListener((PayloadApplicationEvent<?> e) -> {
                if (e.getPayload() instanceof AlertsAdded added) {
                    heardOnA.add(added);
                }
            });

            // a visitor on the follower saves a search with an address and confirms it
            Watchlist watchlist = nodeA.getBean(Watchlist.class);
            Watchlist.NewKey key = watchlist.createKey(I18n.SPANISH);
            String email = "nodos+" + System.nanoTime() + "@example.cl";
            watchlist.save(key.key(), "Dos nodos", "/tenders?q=zzdosnodos", email, SavedSearch.Digest.IMMEDIATE, null);
            String confirm = AlertsTest.link(MailStub.text(mail.await(email, m -> true, 1, Duration.ofSeconds(30))
                    .getFirst()), "/api/v1/alerts/mail/confirm/");
            assertThat(nodeA.getBean(MailFlow.class).use(MailFlow.Purpose.CONFIRM,
                    confirm.substring(confirm.lastIndexOf('/') + 1))).isTrue();

            // the leader commits a tender: it matches and mails; the follower's bells hear of it
            commit(nodeB, tender("9989-1-LE26"));
            Alerts alerts = nodeA.getBean(Alerts.class);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> alerts.count(key.key()) == 1);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heardOnA.stream()
                    .anyMatch(x -> x.fromOtherNode() && x.keyIds().contains(key.key().id())));
            assertThat(mail.await(email, m -> MailStub.text(m).contains("9989-1-LE26"), 1, Duration.ofSeconds(30)))
                    .hasSize(1);

            // the leader stops; the other leads, and what it commits is told and mailed once
            nodeB.close();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> nodeA.getBean(Cluster.class)
                    .leads());
            commit(nodeA, tender("9989-2-LE26"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> alerts.count(key.key()) == 2);
            assertThat(mail.await(email, m -> MailStub.text(m).contains("9989-2-LE26"), 1, Duration.ofSeconds(30)))
                    .hasSize(1);
            Thread.sleep(3_000); // a pass or two of the new leader's mail and matching
            assertThat(alerts.count(key.key())).as("nothing told twice").isEqualTo(2);
            assertThat(mail.await(email, m -> MailStub.text(m).contains("9989-1-LE26"), 2, Duration.ofSeconds(1)))
                    .as("nothing mailed twice").hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start(Path dir, String node, String database, MailStub mail) {
        List<String> args = new ArrayList<>(List.of("--andesops.storage.data-dir=" + dir, "--server.port=0",
                "--logging.level.root=WARN", "--andesops.sync.enabled=false", "--andesops.cluster.node-id=" + node,
                "--andesops.opendata.history-months=0", "--andesops.rules.sii-base-url=",
                "--ADMIN_PASSWORD=test-admin-password", "--andesops.mail.host=127.0.0.1",
                "--andesops.mail.port=" + mail.port, "--andesops.mail.from=alertas@andesops.test"));
        if (database != null) {
            args.add("--andesops.storage.database-url=" + database);
        }
        return new SpringApplicationBuilder(AndesOpsApplication.class).run(args.toArray(String[]::new));
    }

    /** Stores a tender and announces its commit, as the sync does on the node that leads. */
    private static void commit(ConfigurableApplicationContext node, TenderDetail t) {
        List<String> added = node.getBean(TenderWriter.class).storeDetails(List.of(t));
        node.publishEvent(new DataChanged(DataChanged.Dataset.TENDERS, node.getBean(DataVersions.class)
                .committed(DataChanged.Dataset.TENDERS), added, List.of(t.code())));
    }

    private static TenderDetail tender(String code) {
        Instant now = Instant.now();
        return new TenderDetail(code, "Suministro de zzdosnodos", "Bombas", 5, "Publicada", "LE", 1, "CLP", 1, 0,
                new BuyerInfo("7248", "Municipalidad de Prueba", "69.000.000-0", "1001", "Adquisiciones",
                        "Calle 1", "Santiago", "Región Metropolitana de Santiago", null), now, now,
                now.plus(Duration.ofDays(15)), null, null, null, null, null, null, null, null, 1,
                new BigDecimal("12000000"), null, null, null, null, List.of());
    }
}
