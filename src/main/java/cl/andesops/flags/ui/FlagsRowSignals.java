package cl.andesops.flags.ui;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cl.andesops.flags.FlagWords;
import cl.andesops.flags.Flags;
import cl.andesops.shared.I18n;
import cl.andesops.shared.ui.RecordSignals;

/** The signals on the rows of the lists of orders, tenders and Compra Ágil requests: their names, a reason to look. */
@org.springframework.stereotype.Component
class FlagsRowSignals implements RecordSignals {

    private final Flags flags;

    FlagsRowSignals(Flags flags) {
        this.flags = flags;
    }

    @Override
    public Map<String, String> of(Collection<String> codes, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        flags.on(codes).forEach((code, hits) -> out.put(code, I18n.text(locale, "flags.row", hits.stream()
                .map(h -> FlagWords.name(h.indicator(), locale)).distinct().collect(Collectors.joining("; ")))));
        return out;
    }
}
