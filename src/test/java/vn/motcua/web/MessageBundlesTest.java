package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a person reads comes from the message bundles, in Vietnamese and in English alike: each
 * bundle has an English twin with the same keys, and every key that templates and page controllers name
 * literally exists.
 */
class MessageBundlesTest {

    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path SOURCES = Path.of("src/main/java/vn/motcua");

    /** {@code #{key}} or {@code #{key(...)}} with a literal key. */
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)[}(]");
    /** A string literal that looks like one of the pages' keys. */
    static final Pattern JAVA_KEY = Pattern.compile("\"(web\\.[a-z0-9.-]+[a-z0-9])\"");

    @Test
    void everyBundleHasAnEnglishTwinWithTheSameKeys() throws IOException {
        List<Path> vietnamese = bundles().filter(p -> !p.getFileName().toString().endsWith("_en.properties")).toList();
        assertThat(vietnamese).extracting(p -> p.getFileName().toString()).contains("web.properties");
        for (Path bundle : vietnamese) {
            Path english = bundle.resolveSibling(bundle.getFileName().toString().replace(".properties", "_en.properties"));
            assertThat(english).as("English twin of " + bundle).exists();
            assertThat(load(english).stringPropertyNames()).as(english.toString())
                    .containsExactlyInAnyOrderElementsOf(load(bundle).stringPropertyNames());
        }
    }

    @Test
    void noMessageIsEmptyAndEveryMessageWithArgumentsIsAValidPattern() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path bundle : bundles().toList()) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                if (text.isBlank()) {
                    problems.add(bundle.getFileName() + ": " + key + " is empty");
                }
                if (text.matches("(?s).*\\{\\d.*")) {
                    // Formatted with arguments: a lone ' would swallow the rest of the text.
                    String formatted = new MessageFormat(text).format(new Object[] {"A", "B", "C", "D", "E", "F", "G", "H"});
                    if (text.replace("''", "").contains("'") || formatted.contains("{")) {
                        problems.add(bundle.getFileName() + ": " + key + " needs '' for a quote: " + text);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theVietnameseWebTextsAreWrittenWithDiacritics() throws IOException {
        Properties web = load(BUNDLES.resolve("web.properties"));
        long withDiacritics = web.stringPropertyNames().stream()
                .map(web::getProperty)
                .filter(text -> !text.equals(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D')))
                .count();
        // Day numbers, placeholders and the like aside, nearly every Vietnamese text carries diacritics.
        assertThat(withDiacritics).isGreaterThan(web.size() * 8L / 10);
    }

    @Test
    void everyKeyNamedInTemplatesAndPagesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (Path bundle : bundles().filter(p -> !p.getFileName().toString().endsWith("_en.properties")).toList()) {
            known.addAll(load(bundle).stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher keys = TEMPLATE_KEY.matcher(Files.readString(template));
                while (keys.find()) {
                    if (!known.contains(keys.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + keys.group(1));
                    }
                }
            }
        }
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher keys = JAVA_KEY.matcher(Files.readString(source));
                while (keys.find()) {
                    if (!known.contains(keys.group(1))) {
                        missing.add(SOURCES.relativize(source) + ": " + keys.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Stream<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(p -> p.toString().endsWith(".properties")).sorted().toList().stream();
        }
    }

    private static Properties load(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
