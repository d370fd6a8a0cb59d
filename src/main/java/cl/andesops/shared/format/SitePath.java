package cl.andesops.shared.format;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A page's address as the API writes it: from the site's root ({@code /buyers/7248}), as the orders' profile
 * addresses are, while the screens keep it relative to the app ({@code buyers/7248}) so a deployment under a path
 * prefix still finds it.
 */
public final class SitePath extends ValueSerializer<String> {

    @Override
    public void serialize(String value, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeString(value.startsWith("/") ? value : "/" + value);
    }
}
