package org.openkyc.questionnaires.logic;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks submitted answers against a schema and its logic, as the browser should have, never trusting it: the
 * triggers that set or copy answers are run; a question counts only when its page and itself are visible, and must
 * be answered only when it is also enabled and required (always, or by its {@code requiredIf}) and the survey was not
 * completed earlier by a trigger; every answer must be of its question's type, among its choices, within its ranges
 * and patterns. Answers to questions that are not shown are dropped, as SurveyJS drops them; answers to questions
 * the schema does not have are refused.
 */
public final class AnswerCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ()./-]{3,32}$");
    /** The largest file answer, as its data URL. */
    static final int MAX_FILE_CHARS = 7_000_000;

    private AnswerCheck() {}

    /** A refusal: which question, what kind of problem, said plainly. */
    public record FieldError(String field, String code, String message) {}

    /** The answers to keep, and why the others could not be taken. */
    public record Result(Map<String, Object> answers, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result check(Survey survey, Map<String, Object> submitted) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> answers = new LinkedHashMap<>(submitted);
        List<String> known =
                survey.questions().stream().map(Survey.Question::name).toList();
        for (String name : submitted.keySet()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "unknown", "is not a question of this questionnaire"));
            }
        }
        runTriggers(survey, answers);
        int completedAfter = completedAfter(survey, answers);
        Map<String, Object> kept = new LinkedHashMap<>();
        for (int p = 0; p < survey.pages().size(); p++) {
            Survey.Page page = survey.pages().get(p);
            boolean pageShown = holds(page.visibleIf(), answers, true);
            boolean pageEnabled = holds(page.enableIf(), answers, true);
            for (Survey.Question question : page.questions()) {
                Object value = answers.get(question.name());
                boolean shown = pageShown && holds(question.visibleIf(), answers, true);
                if (!shown) {
                    continue;
                }
                boolean enabled = pageEnabled && holds(question.enableIf(), answers, true);
                boolean required = enabled
                        && p <= completedAfter
                        && (question.required() || holds(question.requiredIf(), answers, false));
                if (Expression.empty(value)) {
                    if (required) {
                        errors.add(new FieldError(question.name(), "required", "must be answered"));
                    }
                    continue;
                }
                if (question.type().equals("html") || question.type().equals("expression")) {
                    continue;
                }
                String problem = problem(question, value, answers);
                if (problem != null) {
                    errors.add(new FieldError(
                            question.name(),
                            problem.substring(0, problem.indexOf(':')),
                            problem.substring(problem.indexOf(':') + 1).strip()));
                } else {
                    kept.put(question.name(), value);
                }
            }
        }
        return new Result(kept, List.copyOf(errors));
    }

    /** Runs the set-value, copy-value and run-expression triggers until nothing changes. */
    private static void runTriggers(Survey survey, Map<String, Object> answers) {
        for (int round = 0; round < 5; round++) {
            boolean changed = false;
            for (Survey.Trigger trigger : survey.triggers()) {
                if (trigger.setToName() == null || !trigger.expression().test(answers)) {
                    continue;
                }
                Object value = switch (trigger.type()) {
                    case "setvalue" ->
                        trigger.setValue() == null ? null : JSON.convertValue(trigger.setValue(), Object.class);
                    case "copyvalue" -> trigger.fromName() == null ? null : answers.get(trigger.fromName());
                    case "runexpression" ->
                        trigger.runExpression() == null
                                ? null
                                : trigger.runExpression().evaluate(answers);
                    default -> answers.get(trigger.setToName());
                };
                if (!java.util.Objects.equals(answers.get(trigger.setToName()), value)) {
                    answers.put(trigger.setToName(), value);
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    /** The last page the applicant had to go through: a complete trigger that holds ends the survey at its page. */
    private static int completedAfter(Survey survey, Map<String, Object> answers) {
        int last = survey.pages().size() - 1;
        for (Survey.Trigger trigger : survey.triggers()) {
            if (!trigger.type().equals("complete") || !trigger.expression().test(answers)) {
                continue;
            }
            for (int p = 0; p < survey.pages().size(); p++) {
                int page = p;
                boolean asks = survey.pages().get(p).questions().stream()
                        .anyMatch(q -> trigger.expression().variables().contains(q.name()));
                if (asks) {
                    last = Math.min(last, page);
                }
            }
        }
        return last;
    }

    private static boolean holds(@Nullable Expression condition, Map<String, Object> answers, boolean absent) {
        return condition == null ? absent : condition.test(answers);
    }

    /** What is wrong with an answer, as {@code code: message}, or null. */
    private static @Nullable String problem(Survey.Question q, Object value, Map<String, Object> answers) {
        switch (q.type()) {
            case "text" -> {
                if (!(value instanceof String) && !(value instanceof Number)) {
                    return "type: must be text";
                }
                String text = String.valueOf(value);
                String kind = q.inputType();
                if (kind.equals("number") || kind.equals("range")) {
                    double number = Expression.toNumber(value);
                    if (Double.isNaN(number)) {
                        return "type: must be a number";
                    }
                    if (q.min() != null && number < Expression.toNumber(q.min())) {
                        return "range: must be at least " + q.min();
                    }
                    if (q.max() != null && number > Expression.toNumber(q.max())) {
                        return "range: must be at most " + q.max();
                    }
                } else if (kind.equals("date")) {
                    try {
                        LocalDate date = LocalDate.parse(text);
                        if (q.min() != null && date.isBefore(LocalDate.parse(q.min()))) {
                            return "range: must be on or after " + q.min();
                        }
                        if (q.max() != null && date.isAfter(LocalDate.parse(q.max()))) {
                            return "range: must be on or before " + q.max();
                        }
                    } catch (DateTimeParseException e) {
                        return "type: must be a date (YYYY-MM-DD)";
                    }
                } else if (kind.equals("email") && !EMAIL.matcher(text).matches()) {
                    return "type: must be an email address";
                } else if (kind.equals("tel") && !PHONE.matcher(text).matches()) {
                    return "type: must be a phone number";
                }
                if (text.length() > (q.maxLength() == null ? 2000 : q.maxLength())) {
                    return "size: is too long";
                }
            }
            case "comment" -> {
                if (!(value instanceof String text)) {
                    return "type: must be text";
                }
                if (text.length() > (q.maxLength() == null ? 10_000 : q.maxLength())) {
                    return "size: is too long";
                }
            }
            case "radiogroup", "dropdown" -> {
                if (!choice(q, value)) {
                    return "choice: is not one of the choices";
                }
            }
            case "checkbox", "tagbox" -> {
                if (!(value instanceof List<?> picked) || !picked.stream().allMatch(v -> choice(q, v))) {
                    return "choice: must be some of the choices";
                }
                if (picked.stream().distinct().count() != picked.size()) {
                    return "choice: names a choice twice";
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    return "type: must be yes or no";
                }
            }
            case "rating" -> {
                String given = Expression.string(Expression.answer(value));
                boolean allowed = q.rateValues().isEmpty()
                        ? given.matches("-?\\d+")
                                && Integer.parseInt(given) >= q.rateMin()
                                && Integer.parseInt(given) <= q.rateMax()
                        : q.rateValues().contains(given);
                if (!allowed) {
                    return "range: is not a rating offered";
                }
            }
            case "file" -> {
                if (!(value instanceof List<?> files) || files.isEmpty()) {
                    return "type: must be files";
                }
                int size = 0;
                for (Object file : files) {
                    if (!(file instanceof Map<?, ?> f)
                            || !(f.get("name") instanceof String)
                            || !(f.get("content") instanceof String content)
                            || !content.startsWith("data:")) {
                        return "type: each file needs a name and its content";
                    }
                    size += content.length();
                }
                if (size > MAX_FILE_CHARS) {
                    return "size: the files are too large";
                }
            }
            default -> {
                return "type: cannot be answered";
            }
        }
        for (Survey.Validator validator : q.validators()) {
            String problem = validate(validator, value, answers);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static boolean choice(Survey.Question q, @Nullable Object value) {
        String given = value instanceof Double d ? Expression.string(d) : String.valueOf(value);
        return q.choices().contains(given) || (q.other() && given.equals("other"));
    }

    private static @Nullable String validate(Survey.Validator v, Object value, Map<String, Object> answers) {
        switch (v.type()) {
            case "numeric" -> {
                double number = Expression.toNumber(value);
                if (Double.isNaN(number)) {
                    return "type: must be a number";
                }
                if (v.minValue() != null && number < v.minValue()) {
                    return "range: must be at least " + Expression.string(v.minValue());
                }
                if (v.maxValue() != null && number > v.maxValue()) {
                    return "range: must be at most " + Expression.string(v.maxValue());
                }
            }
            case "text" -> {
                int length = Expression.string(value).length();
                if (v.minLength() != null && length < v.minLength()) {
                    return "size: must be at least " + v.minLength() + " characters";
                }
                if (v.maxLength() != null && v.maxLength() > 0 && length > v.maxLength()) {
                    return "size: must be at most " + v.maxLength() + " characters";
                }
            }
            case "regex" -> {
                try {
                    if (v.regex() != null
                            && !Pattern.compile(v.regex())
                                    .matcher(Expression.string(value))
                                    .find()) {
                        return "pattern: does not have the expected form";
                    }
                } catch (PatternSyntaxException e) {
                    return "pattern: cannot be checked";
                }
            }
            case "email" -> {
                if (!EMAIL.matcher(Expression.string(value)).matches()) {
                    return "type: must be an email address";
                }
            }
            case "expression" -> {
                if (v.expression() != null && !v.expression().test(answers)) {
                    return "expression: does not meet the questionnaire's condition";
                }
            }
            default -> {}
        }
        return null;
    }
}
