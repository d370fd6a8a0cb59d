package cl.andesops.analysis;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.shared.persistence.JdbcConverters;

/** An analysis keeps its facts as JSON in one column ({@code facts_json}). */
@Component
class FactsJson implements JdbcConverters {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public List<?> converters() {
        return List.of(new Write(), new Read());
    }

    @WritingConverter
    static final class Write implements Converter<Facts, String> {
        @Override
        public String convert(Facts source) {
            return JSON.writeValueAsString(source);
        }
    }

    @ReadingConverter
    static final class Read implements Converter<String, Facts> {
        @Override
        public Facts convert(String source) {
            return JSON.readValue(source, Facts.class);
        }
    }
}
