package cl.andesops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.mercadopublico.SupplierInfo;
import cl.andesops.mercadopublico.WireFormat;
import cl.andesops.simulator.SimulatorFixtures;
import cl.andesops.simulator.SimulatorSettings;
import cl.andesops.testing.SyncedAppTest;

/** The "new supplier" flag: a large order from a supplier this buyer never ordered from before. */
class OrderFlagsTest extends SyncedAppTest {

    @Autowired Ingest ingest;
    @Autowired JdbcClient jdbc;

    @Test
    void aLargeFirstOrderOfAPairIsFlaggedAndTheNextIsNot() {
        OrderDetail base = new SimulatorFixtures(new SimulatorSettings(43, 0, 10, 0, 0, 20_000, Duration.ofMillis(1),
                false, 1_000, "test", 0, false)).orderDetails(LocalDate.of(2024, 4, 2), Instant.now()).stream()
                .map(b -> WireFormat.orderDetail(b).orElseThrow())
                .filter(d -> d.buyer().organismCode() != null).findFirst().orElseThrow();

        ingest.orders(List.of(with(base, "FLAG-T-1", 50_000_000, "SUP-FLAG-A")));
        assertThat(flag("FLAG-T-1")).isEqualTo("new-supplier");

        // the pair is known now: a second large order is not new, whatever else it may be
        ingest.orders(List.of(with(base, "FLAG-T-2", 60_000_000, "SUP-FLAG-A")));
        assertThat(flag("FLAG-T-2")).isNotEqualTo("new-supplier");

        // storing the first one again does not make its own row count as an earlier order
        ingest.orders(List.of(with(base, "FLAG-T-1", 50_000_000, "SUP-FLAG-A")));
        assertThat(flag("FLAG-T-1")).isEqualTo("new-supplier");

        // two large orders of a new pair in one batch: neither had an earlier one
        ingest.orders(List.of(with(base, "FLAG-T-3", 30_000_000, "SUP-FLAG-B"),
                with(base, "FLAG-T-4", 40_000_000, "SUP-FLAG-B")));
        assertThat(flag("FLAG-T-3")).isEqualTo("new-supplier");
        assertThat(flag("FLAG-T-4")).isEqualTo("new-supplier");

        // a small first order is not flagged
        ingest.orders(List.of(with(base, "FLAG-T-5", 1_000, "SUP-FLAG-C")));
        assertThat(flag("FLAG-T-5")).isNull();
    }

    @Test
    void anOrderFarAboveWhatItsBuyerUsuallyPaysInTheCategoryIsFlaggedWithHowManyTimes() {
        OrderDetail base = new SimulatorFixtures(new SimulatorSettings(44, 0, 10, 0, 0, 20_000, Duration.ofMillis(1),
                false, 1_000, "test", 0, false)).orderDetails(LocalDate.of(2024, 4, 3), Instant.now()).stream()
                .map(b -> WireFormat.orderDetail(b).orElseThrow())
                .filter(d -> !d.items().isEmpty() && d.items().getFirst().categoryCode() != null).findFirst()
                .orElseThrow();
        cl.andesops.mercadopublico.BuyerInfo b = base.buyer();
        OrderDetail alone = withBuyer(base, new cl.andesops.mercadopublico.BuyerInfo("ORG-PRICE-T", b.organismName(),
                b.unitRut(), "UNIT-PRICE-T", b.unitName(), b.address(), b.commune(), b.region()));
        long[] usual = {2_000_000, 2_100_000, 1_900_000, 2_200_000, 1_800_000, 2_050_000, 1_950_000, 2_150_000};
        for (int i = 0; i < usual.length; i++) { // eight orders: what this buyer usually pays in the category
            ingest.orders(List.of(with(alone, "PRICE-T-" + i, usual[i], "SUP-PRICE-" + i)));
        }
        ingest.orders(List.of(with(alone, "PRICE-T-BIG", 200_000_000, "SUP-PRICE-0"),
                with(alone, "PRICE-T-USUAL", 2_080_000, "SUP-PRICE-1")));
        assertThat(flag("PRICE-T-BIG")).isEqualTo("price:99"); // 200 million against a usual of about 2 million
        assertThat(flag("PRICE-T-USUAL")).isNull();
    }

    private static OrderDetail withBuyer(OrderDetail d, cl.andesops.mercadopublico.BuyerInfo buyer) {
        return new OrderDetail(d.code(), d.name(), d.description(), d.stateCode(), d.state(), d.tenderCode(),
                d.typeCode(), d.type(), d.currency(), d.supplierStateCode(), d.supplierState(), d.createdAt(),
                d.sentAt(), d.acceptedAt(), d.cancelledAt(), d.modifiedAt(), d.rating(), d.discounts(), d.charges(),
                d.netTotal(), d.taxRate(), d.tax(), d.total(), d.funding(), d.dispatchType(), d.paymentTerms(), buyer,
                d.supplier(), d.items());
    }

    private String flag(String code) {
        List<String> flags = jdbc.sql("SELECT flag FROM purchase_order WHERE code = :c").param("c", code)
                .query((rs, n) -> rs.getString(1)).list();
        assertThat(flags).hasSize(1);
        return flags.getFirst();
    }

    private static OrderDetail with(OrderDetail d, String code, long totalClp, String supplierCode) {
        SupplierInfo s = d.supplier();
        return new OrderDetail(code, d.name(), d.description(), d.stateCode(), d.state(), d.tenderCode(),
                d.typeCode(), d.type(), "CLP", d.supplierStateCode(), d.supplierState(), d.createdAt(), d.sentAt(),
                d.acceptedAt(), d.cancelledAt(), d.modifiedAt(), d.rating(), d.discounts(), d.charges(),
                BigDecimal.valueOf(totalClp), d.taxRate(), BigDecimal.ZERO, BigDecimal.valueOf(totalClp), d.funding(),
                d.dispatchType(), d.paymentTerms(), d.buyer(), new SupplierInfo(supplierCode, s.name(), s.activity(),
                s.branchCode(), s.branchName(), s.rut(), s.address(), s.commune(), s.region()), d.items());
    }
}
