package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/** Every text shown to people exists in Vietnamese and in English, and no Vietnamese text is left empty. */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"shared", "calendar", "organization", "identity", "catalog", "web"})
    void every_key_exists_in_both_vietnamese_and_english(String bundle) throws IOException {
        Properties vietnamese = load("i18n/" + bundle + ".properties");
        Properties english = load("i18n/" + bundle + "_en.properties");

        Set<String> missingInEnglish = new TreeSet<>(vietnamese.stringPropertyNames());
        missingInEnglish.removeAll(english.stringPropertyNames());
        Set<String> missingInVietnamese = new TreeSet<>(english.stringPropertyNames());
        missingInVietnamese.removeAll(vietnamese.stringPropertyNames());

        assertThat(missingInEnglish).as("keys without English text in %s", bundle).isEmpty();
        assertThat(missingInVietnamese).as("keys without Vietnamese text in %s", bundle).isEmpty();
        assertThat(vietnamese.stringPropertyNames())
                .filteredOn(key -> vietnamese.getProperty(key).isBlank())
                .as("empty Vietnamese texts in %s", bundle)
                .isEmpty();
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
