package cl.andesops.api;

import java.time.LocalDate;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cl.andesops.orders.OrderDetailView;
import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderRow;
import cl.andesops.orders.OrderService;
import cl.andesops.orders.OrderSort;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Órdenes de compra")
class OrdersApi {

    private final OrderService orders;

    OrdersApi(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping
    @Operation(summary = "Órdenes de compra filtradas, las más recientes primero")
    ApiPage<OrderRow> list(@RequestParam(required = false) String q,
                           @RequestParam(required = false) Set<Integer> state,
                           @RequestParam(required = false) Set<String> type,
                           @RequestParam(required = false) String buyer,
                           @RequestParam(required = false) String supplier,
                           @RequestParam(required = false) String region,
                           @RequestParam(required = false) @io.swagger.v3.oas.annotations.Parameter(description =
                                   "Rubros: códigos UNSPSC de la categoría del primer ítem (como rubro= en el Monitor)")
                           Set<String> category,
                           @RequestParam(required = false) Long minAmount,
                           @RequestParam(required = false) Long maxAmount,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(defaultValue = "NEWEST") OrderSort sort,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        OrderFilter filter = new OrderFilter(q, state, type, buyer, supplier, region, minAmount, maxAmount, from, to,
                category);
        return new ApiPage<>(orders.find(filter, sort, page * size, size), page, size, orders.count(filter));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Una orden de compra con sus ítems")
    OrderDetailView one(@PathVariable String code) {
        return orders.detail(code).orElseThrow(() -> new ApiErrors.NotFound("api.error.notfound.order", code));
    }
}
