package cl.andesops.mercadopublico;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cl.andesops.shared.DataOrigin;
import cl.andesops.shared.StatusIndicator;

/**
 * Where the data comes from, the simulator (demo) or Mercado Público (live): the header badge, and the
 * {@link DataOrigin} every export and answer consults.
 */
@Component
class ModeIndicator implements StatusIndicator, DataOrigin {

    /** ChileCompra's open-data host: in demo mode the simulator stands in for it, and for no other host. */
    static final String CHILECOMPRA_OPEN_DATA = "https://transparenciachc.blob.core.windows.net";

    private final MercadoPublicoProperties properties;
    private final boolean realHistory;

    ModeIndicator(MercadoPublicoProperties properties, org.springframework.core.env.Environment environment) {
        this.properties = properties;
        // the open data is ChileCompra's real files when DATOS_ABIERTOS_BASE_URL says where they are (ChileCompra's
        // own host written out included), or the setting names another host; else, in demo mode, the simulator's
        String base = environment.getProperty("andesops.opendata.base-url", CHILECOMPRA_OPEN_DATA);
        this.realHistory = environment.getProperty("DATOS_ABIERTOS_BASE_URL") != null
                || !base.strip().replaceAll("/+$", "").equals(CHILECOMPRA_OPEN_DATA);
    }

    @Override
    public boolean simulated() {
        return properties.demoMode();
    }

    @Override
    public boolean historySimulated() {
        return properties.demoMode() && !realHistory;
    }

    @Override
    public Optional<Status> current() {
        if (!properties.demoMode()) {
            return Optional.of(new Status("mode", "status.live", "status.live.tooltip", "success"));
        }
        // no ticket, but a real open-data host: the history is real, the live part simulated, and the header says so
        return Optional.of(historySimulated() ? new Status("mode", "status.demo", "status.demo.tooltip", "contrast")
                : new Status("mode", "status.demo.realhistory", "status.demo.realhistory.tooltip", "contrast"));
    }
}
