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

    private final MercadoPublicoProperties properties;

    ModeIndicator(MercadoPublicoProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean simulated() {
        return properties.demoMode();
    }

    @Override
    public Optional<Status> current() {
        return Optional.of(properties.demoMode()
                ? new Status("mode", "status.demo", "status.demo.tooltip", "contrast")
                : new Status("mode", "status.live", "status.live.tooltip", "success"));
    }
}
