package cl.andesops.shared.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.DataAccessStrategy;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * Spring Data JDBC for the aggregates read and written whole (sync jobs, stored analyses): their repositories write
 * through the single writer connection and its transactions ({@link Writer}), like every other write; instants are
 * stored as epoch milliseconds and booleans as 0/1, as the rest of the schema keeps them; the dialect follows the
 * database in use.
 * Features add converters for their own column types with {@link #converters}.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackages = "cl.andesops", jdbcOperationsRef = Writer.NAME + "NamedJdbc",
        transactionManagerRef = Writer.NAME + "TransactionManager", dataAccessStrategyRef = "dataAccessStrategyBean")
class DataJdbcConfig extends AbstractJdbcConfiguration {

    private final NamedParameterJdbcOperations writer;
    private final DatabaseTarget target;
    private final List<JdbcConverters> converters;

    DataJdbcConfig(@Qualifier(Writer.NAME + "NamedJdbc") NamedParameterJdbcOperations writer, DatabaseTarget target,
                   List<JdbcConverters> converters) {
        this.writer = writer;
        this.target = target;
        this.converters = converters;
    }

    @Bean
    @Override
    public JdbcDialect jdbcDialect(NamedParameterJdbcOperations operations) {
        return target.kind() == DatabaseTarget.Kind.SQLITE ? SqliteDialect.INSTANCE : JdbcPostgresDialect.INSTANCE;
    }

    @Bean
    @Override
    public JdbcCustomConversions jdbcCustomConversions() {
        List<Object> all = new ArrayList<>(List.of(InstantToMillis.INSTANCE, MillisToInstant.INSTANCE,
                BooleanToInt.INSTANCE, NumberToBoolean.INSTANCE, LongToBoolean.INSTANCE));
        converters.forEach(c -> all.addAll(c.converters()));
        // no store converters: Spring Data's own Instant -> Timestamp would win over ours (spring-data-relational
        // #2292), which SQLite's driver happens to store as milliseconds and PostgreSQL refuses in a BIGINT column
        return new JdbcCustomConversions(org.springframework.data.convert.CustomConversions.StoreConversions.of(
                org.springframework.data.jdbc.core.mapping.JdbcSimpleTypes.HOLDER, List.of()), all);
    }

    /** The repositories' reads and writes go through the writer connection. */
    @Bean
    @Override
    public DataAccessStrategy dataAccessStrategyBean(NamedParameterJdbcOperations operations, JdbcConverter converter,
                                                     JdbcMappingContext context, JdbcDialect dialect) {
        return super.dataAccessStrategyBean(writer, converter, context, dialect);
    }

    /** With its JDBC type said: Spring Data would otherwise bind the number as the TIMESTAMP an Instant maps to. */
    @WritingConverter
    enum InstantToMillis implements Converter<Instant, org.springframework.data.jdbc.core.mapping.JdbcValue> {
        INSTANCE;

        @Override
        public org.springframework.data.jdbc.core.mapping.JdbcValue convert(Instant source) {
            return org.springframework.data.jdbc.core.mapping.JdbcValue.of(source.toEpochMilli(),
                    java.sql.JDBCType.BIGINT);
        }
    }

    @ReadingConverter
    enum MillisToInstant implements Converter<Long, Instant> {
        INSTANCE;

        @Override
        public Instant convert(Long source) {
            return Instant.ofEpochMilli(source);
        }
    }

    @WritingConverter
    enum BooleanToInt implements Converter<Boolean, org.springframework.data.jdbc.core.mapping.JdbcValue> {
        INSTANCE;

        @Override
        public org.springframework.data.jdbc.core.mapping.JdbcValue convert(Boolean source) {
            return org.springframework.data.jdbc.core.mapping.JdbcValue.of(source ? 1 : 0, java.sql.JDBCType.INTEGER);
        }
    }

    @ReadingConverter
    enum LongToBoolean implements Converter<Long, Boolean> {
        INSTANCE;

        @Override
        public Boolean convert(Long source) {
            return source != 0;
        }
    }

    @ReadingConverter
    enum NumberToBoolean implements Converter<Integer, Boolean> {
        INSTANCE;

        @Override
        public Boolean convert(Integer source) {
            return source != 0;
        }
    }
}
