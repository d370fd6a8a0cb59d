package cl.andesops.orders.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Distinct strings of one column as small ids; -1 is "no value". Changed only under the columns' write lock. */
final class Dict {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    int id(String value) {
        if (value == null) {
            return -1;
        }
        Integer id = ids.get(value);
        if (id == null) {
            id = values.size();
            ids.put(value, id);
            values.add(value);
        }
        return id;
    }

    /** The id of a value, or -2 (matches nothing) when no order has it. */
    int find(String value) {
        Integer id = ids.get(value);
        return id == null ? -2 : id;
    }

    String value(int id) {
        return values.get(id);
    }

    int size() {
        return values.size();
    }
}
