package cl.andesops.parties;

import cl.andesops.shared.format.Period;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.shared.format.PartyKeys;
import cl.andesops.testing.SyncedAppTest;
import cl.andesops.testing.TestClock;

/**
 * A buyer is compared with the buyers of its sector (the files', else its name's), on figures plain SQL gives too; a
 * group too small says it cannot compare; a supplier's rank in its main category is what SQL ranks.
 */
class PeerGroupsTest extends SyncedAppTest {

    @Autowired JdbcClient jdbc;
    @Autowired PeerGroups peers;
    @Autowired BuyerProfiles buyers;
    @Autowired SupplierProfiles suppliers;

    @BeforeEach
    void data() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM sync_job WHERE kind = 'DAY_ORDERS' AND state = 'DONE'").query(Integer.class)
                .single() >= 2);
        // figures kept from the start (read while the first days were syncing) stay ten minutes: read them now
        peers.forget();
    }

    @Test
    void a_name_places_an_organism_in_the_sector_the_files_would() {
        assertThat(PeerGroups.sectorByName("I MUNICIPALIDAD DE PAILLACO")).isEqualTo("Municipalidades");
        assertThat(PeerGroups.sectorByName(" CORPORACION MUNICIPAL DE PEÑALOLEN ")).isEqualTo("Municipalidades");
        assertThat(PeerGroups.sectorByName("SERVICIO DE SALUD COQUIMBO HOSPITAL LA SERENA")).isEqualTo("Salud");
        assertThat(PeerGroups.sectorByName("Hospital Arauco")).isEqualTo("Salud");
        assertThat(PeerGroups.sectorByName("ARMADA DE CHILE")).isEqualTo("FFAA");
        assertThat(PeerGroups.sectorByName("Ejército de Chile")).isEqualTo("FFAA");
        assertThat(PeerGroups.sectorByName("MOP - Dirección de Vialidad")).isEqualTo("Obras Públicas");
        assertThat(PeerGroups.sectorByName("Corte Suprema")).isEqualTo("Legislativo y Judicial");
        assertThat(PeerGroups.sectorByName("UNIVERSIDAD DE CHILE")).isEqualTo("Gob. Central, Universidades");
        assertThat(PeerGroups.sectorByName("Agencia Chilena de Eficiencia Energética"))
                .isEqualTo("Gob. Central, Universidades");
    }

    @Test
    void a_buyer_stands_among_the_buyers_of_its_sector_as_sql_counts_them() {
        Period p = Period.lastYear(TestClock.today());
        // every organism's sector by its name (the simulator's records carry none), and every buyer's pesos
        Map<String, String> sector = new HashMap<>();
        jdbc.sql("SELECT organism_code, max(organism_name) FROM buyer GROUP BY organism_code").query(rs -> {
            sector.put(rs.getString(1), PeerGroups.sectorByName(rs.getString(2)));
        });
        Map<String, Long> pesos = new HashMap<>();
        jdbc.sql("SELECT buyer_code, sum(amount_clp) FROM purchase_order WHERE has_detail = 1 AND day BETWEEN :f AND :t "
                        + "GROUP BY buyer_code").param("f", p.fromDay()).param("t", p.toDay())
                .query(rs -> {
                    pesos.put(rs.getString(1), rs.getLong(2));
                });
        // the sector with the most buyers that bought in the period (the simulated world's plants take a few orders a
        // day to the same buyers, so which sector that is depends on the world, not on the code)
        String largestSector = pesos.keySet().stream().filter(sector::containsKey)
                .collect(java.util.stream.Collectors.groupingBy(sector::get, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry::getKey))
                .orElseThrow().getKey();
        String code = pesos.entrySet().stream().filter(e -> largestSector.equals(sector.get(e.getKey())))
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Long> others = new ArrayList<>();
        pesos.forEach((c, v) -> {
            if (!c.equals(code) && v > 0 && largestSector.equals(sector.get(c))) {
                others.add(v);
            }
        });
        BuyerProfile.Peers got = buyers.profile(code, p).orElseThrow().peers();
        assertThat(got.sector()).isEqualTo(largestSector);
        assertThat(got.fromFiles()).isFalse();
        assertThat(got.peers()).isEqualTo(others.size());
        assertThat(others).as("the simulated buyers of that sector that bought").hasSizeGreaterThanOrEqualTo(PeerGroups.MIN_PEERS);
        {
            assertThat(got.comparable()).isTrue();
            BuyerProfile.Peers.Row amount = got.rows().getFirst();
            assertThat(amount.metric()).isEqualTo("AMOUNT");
            assertThat(amount.value()).isEqualTo(pesos.get(code).doubleValue());
            assertThat(amount.peerMedian()).isEqualTo(cl.andesops.shared.Stats.median(others.stream()
                    .map(Long::doubleValue).toList()));
            long below = others.stream().filter(v -> v < pesos.get(code)).count();
            long ties = others.stream().filter(v -> v.equals(pesos.get(code))).count();
            assertThat(amount.peersBelow()).isEqualTo((below + ties / 2.0) / others.size());
            assertThat(got.rows()).extracting(BuyerProfile.Peers.Row::metric).containsExactly("AMOUNT", "LICITACION",
                    "TRATO_DIRECTO", "CONVENIO_MARCO", "COMPRA_AGIL");
        }
    }

    @Test
    void a_sector_from_the_files_wins_over_the_name_and_a_group_too_small_cannot_compare() {
        String code = jdbc.sql("SELECT buyer_code FROM purchase_order WHERE has_detail = 1 GROUP BY buyer_code "
                + "ORDER BY count(*) DESC LIMIT 1").query(String.class).single();
        jdbc.sql("UPDATE buyer SET sector = 'Sector de prueba' WHERE organism_code = :c").param("c", code).update();
        try {
            // another period than the other tests ask for: its figures are read now
            Period p = Period.of(null, null, "6", TestClock.today());
            BuyerProfile.Peers got = buyers.profile(code, p).orElseThrow().peers();
            assertThat(got.sector()).isEqualTo("Sector de prueba");
            assertThat(got.fromFiles()).isTrue();
            assertThat(got.peers()).isZero();
            assertThat(got.comparable()).isFalse();
            assertThat(got.rows()).isEmpty();
        } finally {
            jdbc.sql("UPDATE buyer SET sector = NULL WHERE organism_code = :c").param("c", code).update();
        }
    }

    @Test
    void a_supplier_ranks_among_the_sellers_of_its_main_category_as_sql_ranks_them() {
        Period p = Period.lastYear(TestClock.today());
        String rut = jdbc.sql("SELECT supplier_rut FROM purchase_order WHERE has_detail = 1 GROUP BY supplier_rut "
                + "ORDER BY count(*) DESC LIMIT 1").query(String.class).single();
        SupplierProfile s = suppliers.profile(rut, p).orElseThrow();
        SupplierProfile.Position pos = s.position();
        assertThat(pos.category()).isEqualTo(s.categories().getFirst().key());
        Map<String, Long> byRut = new HashMap<>();
        jdbc.sql("SELECT supplier_rut, sum(amount_clp) FROM purchase_order WHERE has_detail = 1 AND category_code = :c "
                        + "AND day BETWEEN :f AND :t GROUP BY supplier_rut").param("c", pos.category())
                .param("f", p.fromDay()).param("t", p.toDay())
                .query(rs -> {
                    byRut.merge(PartyKeys.supplier(rs.getString(1)).orElseThrow(), rs.getLong(2), Long::sum);
                });
        long mine = byRut.get(PartyKeys.supplier(rut).orElseThrow());
        assertThat(pos.suppliers()).isEqualTo(byRut.size());
        assertThat(pos.rank()).isEqualTo(1 + byRut.values().stream().filter(v -> v > mine).count());
        assertThat(pos.share()).isEqualTo((double) mine / byRut.values().stream().mapToLong(Long::longValue).sum());
    }
}
