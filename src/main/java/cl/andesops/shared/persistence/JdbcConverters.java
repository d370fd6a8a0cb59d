package cl.andesops.shared.persistence;

import java.util.List;

/** Converters a feature contributes to Spring Data JDBC, for a column type of its own aggregates. */
public interface JdbcConverters {

    List<?> converters();
}
