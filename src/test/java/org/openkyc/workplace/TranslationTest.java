package org.openkyc.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Every word of the interface comes from the message bundles, and every language has every message. */
class TranslationTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value");
    /** Text a template may carry as it is: symbols, not words. */
    private static final Pattern NO_WORDS = Pattern.compile("[\\s\\p{Punct}\\p{So}\\p{Sm}·—…☰]*");

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");

    @Test
    void templatesCarryNoHardCodedText() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                boolean replaced = element.hasAttr("th:text")
                        || element.hasAttr("th:utext")
                        || element.hasAttr("th:errors")
                        || element.hasAttr("th:replace");
                for (TextNode text : element.textNodes()) {
                    if (!replaced && !NO_WORDS.matcher(text.getWholeText()).matches()) {
                        offences.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> \"" + text.text()
                                + "\"");
                    }
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    String value = element.attr(attribute);
                    // A value is shown only on input buttons; elsewhere it is data sent with the form.
                    boolean isData = attribute.equals("value")
                            && !(element.tagName().equals("input")
                                    && Set.of("submit", "button", "reset").contains(element.attr("type")));
                    if (!value.isBlank() && !isData && !NO_WORDS.matcher(value).matches()) {
                        offences.add(TEMPLATES.relativize(template) + ": " + attribute + "=\"" + value + "\"");
                    }
                }
            }
        }
        assertThat(offences)
                .as("hard-coded interface text; use th:text=\"#{…}\"")
                .isEmpty();
    }

    @Test
    void everyMessageKeyUsedInTemplatesExists() throws IOException {
        Properties english = bundle("messages.properties");
        english.putAll(bundle("hosted.properties"));
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!english.containsKey(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyLanguageHasEveryMessage() throws IOException {
        Properties english = bundle("messages.properties");
        Properties german = bundle("messages_de.properties");
        assertThat(german.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        english.forEach((key, value) ->
                assertThat(german.getProperty((String) key)).as((String) key).isNotBlank());
    }

    @Test
    void everyApplicantLanguageHasEveryApplicantText() throws IOException {
        Properties english = bundle("hosted.properties");
        for (String language : List.of("de", "fr", "es")) {
            Properties other = bundle("hosted_" + language + ".properties");
            assertThat(other.keySet()).as(language).containsExactlyInAnyOrderElementsOf(english.keySet());
            english.forEach((key, value) -> assertThat(other.getProperty((String) key))
                    .as(language + " " + key)
                    .isNotBlank());
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                Files.newInputStream(Path.of("src/main/resources/i18n", name)), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
