package vn.motcua.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import vn.motcua.shared.TextPolicy;

/**
 * The guard of {@link TextPolicy}'s character rules on every string of every JSON body: a Jackson deserializer for
 * {@code String}, so that no endpoint can forget them. A string that breaks them, or is longer than
 * {@link TextPolicy#ANY}, is refused while the body is read, with the field's path (a 400 problem, see
 * {@code ApiExceptionHandler}); nothing else is changed here (each field normalizes and bounds its own text).
 */
@Configuration(proxyBeanMethods = false)
class TextInput {

    @Bean
    JsonMapperBuilderCustomizer textGuard() {
        SimpleModule module = new SimpleModule("motcua-text-input");
        module.addDeserializer(String.class, new Deserializer());
        return builder -> builder.addModule(module);
    }

    static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            if (text.length() > TextPolicy.ANY) {
                throw new RefusedValue(parser, String.class, "validation.too-long.n", TextPolicy.ANY);
            }
            String flaw = TextPolicy.flaw(text);
            if (flaw != null) {
                throw new RefusedValue(parser, String.class, flaw);
            }
            return text;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }
    }
}
