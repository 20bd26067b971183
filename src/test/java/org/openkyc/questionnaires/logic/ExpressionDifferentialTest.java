package org.openkyc.questionnaires.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenKYC's evaluator against survey-core's own (run under Node, from the npm package the build installs) on
 * thousands of generated conditions of the kinds the builder writes (each question's answer against values of its
 * kind, empty and not empty, arithmetic on numbers, and, or, not) and generated answers: every result must be the
 * same. More cases or another seed: {@code -DargLine="-Dcases=40000 -Dseed=7"}.
 */
class ExpressionDifferentialTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] TEXTS = {"yes", "Yes", "no", "box", "x", "X", "abc", "b", "7", "07", "3.5", ""};
    private static final String[] ITEMS = {"x", "y", "z", "a", "b", "1", "2"};

    @TempDir
    Path dir;

    @Test
    void everyResultIsSurveyCoresResult() throws Exception {
        Random random = new Random(Long.getLong("seed", 20261123));
        List<String> expressions = new ArrayList<>();
        List<Map<String, Object>> answers = new ArrayList<>();
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < Integer.getInteger("cases", 4000); i++) {
            String expression = condition(random, 0);
            Map<String, Object> values = answers(random);
            expressions.add(expression);
            answers.add(values);
            input.append(JSON.writeValueAsString(Map.of("expression", expression, "values", values)))
                    .append('\n');
        }
        Path file = dir.resolve("cases.jsonl");
        Files.writeString(file, input);
        Process node = new ProcessBuilder("node", "src/test/node/survey-expressions.cjs", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize(expressions.size());

        List<String> differences = new ArrayList<>();
        int booleans = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode theirs = JSON.readTree(lines.get(i));
            assertThat(theirs.has("error"))
                    .as(expressions.get(i) + " " + lines.get(i))
                    .isFalse();
            Object ours = Expression.parse(expressions.get(i)).evaluate(answers.get(i));
            JsonNode mine = JSON.valueToTree(ours);
            if (!same(mine, theirs.get("value"))) {
                differences.add(expressions.get(i) + " with " + answers.get(i) + ": survey-core " + theirs.get("value")
                        + ", OpenKYC " + mine);
            }
            booleans += theirs.get("value").isBoolean() && theirs.get("value").asBoolean() ? 1 : 0;
        }
        assertThat(differences)
                .as(String.join("\n", differences.stream().limit(30).toList()))
                .isEmpty();
        assertThat(booleans)
                .as("a fair share of conditions hold")
                .isBetween(expressions.size() / 5, expressions.size() * 4 / 5);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.asDouble() == b.asDouble();
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static final Object ABSENT = new Object();

    /** Answers as questions give them: {@code t} text, {@code n} a number, {@code c} checkboxes, {@code b} yes/no. */
    private static Map<String, Object> answers(Random random) {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "t", random.nextInt(6) == 0 ? ABSENT : TEXTS[random.nextInt(TEXTS.length)]);
        put(
                values,
                "n",
                random.nextInt(6) == 0 ? ABSENT : (double) random.nextInt(12) + (random.nextBoolean() ? 0 : 0.5));
        if (random.nextInt(6) != 0) {
            List<String> items = new ArrayList<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                String item = ITEMS[random.nextInt(ITEMS.length)];
                if (!items.contains(item)) {
                    items.add(item);
                }
            }
            values.put("c", items);
        }
        put(values, "b", random.nextInt(5) == 0 ? ABSENT : random.nextBoolean());
        return values;
    }

    private static void put(Map<String, Object> values, String name, Object value) {
        if (value != ABSENT) {
            values.put(name, value);
        }
    }

    private static String condition(Random random, int depth) {
        int choice = depth >= 2 ? random.nextInt(4) : random.nextInt(7);
        return switch (choice) {
            case 0, 1, 2, 3 -> comparison(random);
            case 4 -> condition(random, depth + 1) + " and " + condition(random, depth + 1);
            case 5 -> condition(random, depth + 1) + " or " + condition(random, depth + 1);
            default -> "!(" + condition(random, depth + 1) + ")";
        };
    }

    /** A condition the builder writes: a question's answer against a value of its kind, or empty / not empty. */
    private static String comparison(Random random) {
        String kind = "tncb".substring(random.nextInt(4)).substring(0, 1);
        String variable = "{" + kind + "}";
        if (random.nextInt(6) == 0) {
            return variable + (random.nextBoolean() ? " empty" : " notempty");
        }
        return switch (kind) {
            case "t" ->
                variable + " " + pick(random, "=", "!=", "contains", "notcontains", "anyof") + " "
                        + (random.nextInt(4) == 0 ? array(random, TEXTS) : quoted(random, TEXTS));
            case "n" ->
                random.nextInt(4) == 0
                        ? "(" + variable + " " + pick(random, "+", "-", "*") + " " + random.nextInt(5) + ") "
                                + pick(random, ">", "<", "=") + " " + random.nextInt(20)
                        : variable + " " + pick(random, "=", "!=", ">", "<", ">=", "<=") + " "
                                + (random.nextInt(5) == 0 ? "'" + random.nextInt(12) + "'" : number(random));
            case "c" ->
                variable + " " + pick(random, "contains", "notcontains", "anyof", "allof", "=") + " "
                        + (random.nextInt(3) == 0 ? quoted(random, ITEMS) : array(random, ITEMS));
            default -> variable + " " + pick(random, "=", "!=") + " " + (random.nextBoolean() ? "true" : "false");
        };
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String number(Random random) {
        int whole = random.nextInt(12);
        return random.nextBoolean() ? String.valueOf(whole) : whole + ".5";
    }

    private static String quoted(Random random, String[] values) {
        return "'" + values[random.nextInt(values.length)] + "'";
    }

    private static String array(Random random, String[] values) {
        List<String> items = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            items.add(quoted(random, values));
        }
        return "[" + String.join(", ", items) + "]";
    }
}
