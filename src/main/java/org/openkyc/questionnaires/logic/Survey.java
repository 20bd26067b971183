package org.openkyc.questionnaires.logic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A questionnaire's schema, in SurveyJS's JSON: pages of questions with their logic ({@code visibleIf},
 * {@code enableIf}, {@code requiredIf}), choices and validators, and the survey's triggers. Reading it checks every
 * expression, so a schema with a malformed one is refused when it is saved, not when someone answers.
 */
public record Survey(String title, List<Page> pages, List<Trigger> triggers) {

    /** The question types the builder offers and the server checks. */
    public static final List<String> TYPES = List.of(
            "text",
            "comment",
            "radiogroup",
            "checkbox",
            "dropdown",
            "tagbox",
            "boolean",
            "rating",
            "file",
            "html",
            "expression");

    public record Page(
            String name,
            @Nullable Expression visibleIf,
            @Nullable Expression enableIf,
            List<Question> questions) {}

    public record Question(
            String name,
            String type,
            String inputType,
            boolean required,
            @Nullable Expression requiredIf,
            @Nullable Expression visibleIf,
            @Nullable Expression enableIf,
            List<String> choices,
            boolean other,
            @Nullable String min,
            @Nullable String max,
            @Nullable Integer maxLength,
            int rateMin,
            int rateMax,
            List<String> rateValues,
            List<Validator> validators) {}

    public record Validator(
            String type,
            @Nullable Double minValue,
            @Nullable Double maxValue,
            @Nullable Integer minLength,
            @Nullable Integer maxLength,
            @Nullable String regex,
            @Nullable Expression expression) {}

    /**
     * @param type {@code complete}, {@code setvalue}, {@code copyvalue}, {@code skip} or {@code runexpression}
     */
    public record Trigger(
            String type,
            Expression expression,
            @Nullable String setToName,
            @Nullable JsonNode setValue,
            @Nullable String fromName,
            @Nullable Expression runExpression) {}

    /** Reads a schema; a malformed one is refused with where and why. */
    public static Survey read(JsonNode json) {
        List<Page> pages = new ArrayList<>();
        JsonNode pageNodes = json.path("pages");
        if (!pageNodes.isArray() || pageNodes.isEmpty()) {
            throw new ExpressionException("A questionnaire needs at least one page");
        }
        List<String> names = new ArrayList<>();
        for (int p = 0; p < pageNodes.size(); p++) {
            JsonNode page = pageNodes.get(p);
            List<Question> questions = new ArrayList<>();
            for (JsonNode element : page.path("elements")) {
                Question question = question(element);
                if (names.contains(question.name())) {
                    throw new ExpressionException("Two questions are named " + question.name());
                }
                names.add(question.name());
                questions.add(question);
            }
            pages.add(new Page(
                    text(page, "name", "page" + (p + 1)),
                    expression(page, "visibleIf"),
                    expression(page, "enableIf"),
                    List.copyOf(questions)));
        }
        List<Trigger> triggers = new ArrayList<>();
        for (JsonNode trigger : json.path("triggers")) {
            Expression condition = expression(trigger, "expression");
            if (condition == null) {
                throw new ExpressionException("A trigger needs an expression");
            }
            triggers.add(new Trigger(
                    text(trigger, "type", "").toLowerCase(Locale.ROOT),
                    condition,
                    nullable(trigger, "setToName"),
                    trigger.has("setValue") ? trigger.get("setValue") : null,
                    nullable(trigger, "fromName"),
                    expression(trigger, "runExpression")));
        }
        return new Survey(text(json, "title", ""), List.copyOf(pages), List.copyOf(triggers));
    }

    /** Every question, page by page. */
    public List<Question> questions() {
        return pages.stream().flatMap(p -> p.questions().stream()).toList();
    }

    private static Question question(JsonNode element) {
        String name = nullable(element, "name");
        if (name == null || name.isBlank()) {
            throw new ExpressionException("A question has no name");
        }
        String type = text(element, "type", "text");
        if (!TYPES.contains(type)) {
            throw new ExpressionException("Question " + name + " has the type " + type + ", which is not offered");
        }
        List<String> choices = new ArrayList<>();
        for (JsonNode choice : element.path("choices")) {
            choices.add(choice.isObject() ? choice.path("value").asString() : choice.asString());
        }
        List<String> rateValues = new ArrayList<>();
        for (JsonNode value : element.path("rateValues")) {
            rateValues.add(value.isObject() ? value.path("value").asString() : value.asString());
        }
        List<Validator> validators = new ArrayList<>();
        for (JsonNode v : element.path("validators")) {
            validators.add(new Validator(
                    text(v, "type", ""),
                    v.has("minValue") ? v.get("minValue").asDouble() : null,
                    v.has("maxValue") ? v.get("maxValue").asDouble() : null,
                    v.has("minLength") ? v.get("minLength").asInt() : null,
                    v.has("maxLength") ? v.get("maxLength").asInt() : null,
                    nullable(v, "regex"),
                    expression(v, "expression")));
        }
        return new Question(
                name,
                type,
                text(element, "inputType", "text"),
                element.path("isRequired").asBoolean(false),
                expression(element, "requiredIf"),
                expression(element, "visibleIf"),
                expression(element, "enableIf"),
                List.copyOf(choices),
                element.path("showOtherItem").asBoolean(false)
                        || element.path("hasOther").asBoolean(false),
                nullable(element, "min"),
                nullable(element, "max"),
                element.has("maxLength") ? element.get("maxLength").asInt() : null,
                element.path("rateMin").asInt(1),
                element.path("rateMax").asInt(5),
                List.copyOf(rateValues),
                List.copyOf(validators));
    }

    private static @Nullable Expression expression(JsonNode node, String field) {
        String text = nullable(node, field);
        return text == null || text.isBlank() ? null : Expression.parse(text);
    }

    private static @Nullable String nullable(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String text(JsonNode node, String field, String fallback) {
        String value = nullable(node, field);
        return value == null ? fallback : value;
    }
}
