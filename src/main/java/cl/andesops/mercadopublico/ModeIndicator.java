package cl.andesops.mercadopublico;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cl.andesops.shared.StatusIndicator;

/** The header badge that says where the data comes from: the simulator (demo) or Mercado Público (live). */
@Component
class ModeIndicator implements StatusIndicator {

    private final MercadoPublicoProperties properties;

    ModeIndicator(MercadoPublicoProperties properties) {
        this.properties = properties;
    }

    @Override
    public Optional<Status> current() {
        return Optional.of(properties.demoMode()
                ? new Status("mode", "status.demo", "status.demo.tooltip", "contrast")
                : new Status("mode", "status.live", "status.live.tooltip", "success"));
    }
}
