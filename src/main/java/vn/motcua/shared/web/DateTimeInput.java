package vn.motcua.shared.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Registers {@link DateTimes} once for everything that comes in: a Jackson deserializer for JSON bodies and a
 * converter for request parameters and path values (API and pages), for each of {@link DateTimes#TYPES}.
 * A value that cannot be read becomes a 400 problem naming the field or parameter (see
 * {@code ApiExceptionHandler}).
 */
@Configuration(proxyBeanMethods = false)
class DateTimeInput implements WebMvcConfigurer {

    @Bean
    JsonMapperBuilderCustomizer dateTimeDeserializers() {
        SimpleModule module = new SimpleModule("motcua-date-time-input");
        for (Class<?> type : DateTimes.TYPES) {
            register(module, type);
        }
        module.addDeserializer(LocalDate.class, new DateDeserializer());
        return builder -> builder.addModule(module);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        for (Class<?> type : DateTimes.TYPES) {
            register(registry, type);
        }
        Converter<String, LocalDate> date = text -> text.isBlank() ? null : DateTimes.date(text);
        registry.addConverter(String.class, LocalDate.class, date);
    }

    private static <T> void register(SimpleModule module, Class<T> type) {
        module.addDeserializer(type, new Deserializer<>(type));
    }

    private static <T> void register(FormatterRegistry registry, Class<T> type) {
        // Added after Spring's own date-time formatters, so consulted before them. A blank value is no value,
        // as with Spring's formatters (an optional parameter left empty in a form).
        Converter<String, T> converter = text -> text.isBlank() ? null : type.cast(DateTimes.parse(text, type));
        registry.addConverter(String.class, type, converter);
    }

    /** A JSON string in one of the accepted forms; anything else is refused with the field's path. */
    static final class Deserializer<T> extends StdScalarDeserializer<T> {

        private final Class<T> type;

        Deserializer(Class<T> type) {
            super(type);
            this.type = type;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            String text = parser.getString();
            if (text.isBlank()) {
                return null;
            }
            try {
                return type.cast(DateTimes.parse(text, type));
            } catch (DateTimes.OutOfRange e) {
                throw new RefusedValue(parser, type, "validation.date-range");
            } catch (DateTimeException e) {
                return type.cast(context.handleWeirdStringValue(type, text,
                        "expected YYYY-MM-DDTHH:mm:ss, with or without an offset"));
            }
        }
    }

    /** A JSON date, ISO 8601 ({@code 2026-12-03}), within {@link DateTimes#FIRST}–{@link DateTimes#LAST}. */
    static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {

        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            if (text.isBlank()) {
                return null;
            }
            try {
                return DateTimes.date(text);
            } catch (DateTimes.OutOfRange e) {
                throw new RefusedValue(parser, LocalDate.class, "validation.date-range");
            } catch (DateTimeException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "expected YYYY-MM-DD");
            }
        }
    }
}
