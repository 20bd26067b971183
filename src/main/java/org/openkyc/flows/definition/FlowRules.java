package org.openkyc.flows.definition;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openkyc.flows.definition.FlowDefinition.Step;
import org.openkyc.flows.definition.StepSettings.FaceSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules a flow must follow. Each step's own settings are checked by the step; across steps: the intro
 * comes first and the thank-you page last (both are added when left out), each kind of step appears once
 * (questionnaires may repeat), a selfie with the document needs a document step, and every face match source
 * needs the step that provides the face, earlier in the flow.
 */
public final class FlowRules {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private FlowRules() {}

    /** The outcome of a check: a definition when nothing is broken, else every broken rule. */
    public record Checked(@Nullable FlowDefinition definition, List<Violations.Violation> violations) {

        public Optional<FlowDefinition> valid() {
            return Optional.ofNullable(definition);
        }
    }

    public static Checked check(FlowInput input) {
        Violations violations = new Violations();
        String name = input.name() == null ? "" : input.name().strip();
        violations.require(!name.isEmpty(), "name", "NotBlank", "must not be blank");
        violations.require(name.length() <= 100, "name", "Size", "must be at most 100 characters");
        FlowType type = enumOf(FlowType.class, input.type() == null ? "REGULAR" : input.type(), "type", violations);
        Countries countries = input.countries() == null ? Countries.ANY : input.countries();
        countries.check(violations.at("countries"));
        FlowStyle style = input.style() == null ? FlowStyle.DEFAULT : input.style();
        style.check(violations.at("style"));

        List<Step> steps = new ArrayList<>();
        List<FlowInput.StepInput> given = input.steps() == null ? List.of() : input.steps();
        for (int i = 0; i < given.size(); i++) {
            FlowInput.StepInput raw = given.get(i);
            String at = "steps[" + i + "]";
            StepType stepType = enumOf(
                    StepType.class, raw == null || raw.type() == null ? "" : raw.type(), at + ".type", violations);
            if (stepType == null) {
                continue;
            }
            StepSettings settings = settings(stepType, raw.config(), at + ".config", violations);
            if (settings != null) {
                settings.check(violations.at(at + ".config"));
                steps.add(new Step(stepType, settings));
            }
        }
        if (violations.isEmpty()) {
            checkPositions(steps, violations);
        }
        if (violations.isEmpty()) {
            acrossSteps(steps, violations);
            steps = withIntroAndThankYou(steps);
        }
        if (!violations.isEmpty() || type == null) {
            return new Checked(null, violations.all());
        }
        boolean autoApproval = input.autoApproval() != null && input.autoApproval();
        return new Checked(new FlowDefinition(name, type, autoApproval, countries, style, steps), List.of());
    }

    private static void checkPositions(List<Step> steps, Violations violations) {
        for (int i = 0; i < steps.size(); i++) {
            StepType type = steps.get(i).type();
            if (type == StepType.INTRO && i != 0) {
                violations.add("steps[" + i + "].type", "introFirst", "the intro is always the first step");
            }
            if (type == StepType.THANK_YOU && i != steps.size() - 1) {
                violations.add("steps[" + i + "].type", "thankYouLast", "the thank-you page is always the last step");
            }
        }
    }

    private static List<Step> withIntroAndThankYou(List<Step> steps) {
        List<Step> complete = new ArrayList<>(steps);
        if (complete.isEmpty() || complete.getFirst().type() != StepType.INTRO) {
            complete.addFirst(new Step(StepType.INTRO, new StepSettings.Intro()));
        }
        if (complete.getLast().type() != StepType.THANK_YOU) {
            complete.addLast(new Step(StepType.THANK_YOU, new StepSettings.ThankYou()));
        }
        return complete;
    }

    private static void acrossSteps(List<Step> steps, Violations violations) {
        Set<StepType> seen = EnumSet.noneOf(StepType.class);
        boolean anyCheck = false;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = "steps[" + i + "]";
            if (!seen.add(step.type()) && !step.type().repeatable()) {
                violations.add(at + ".type", "duplicateStep", "a flow holds this step only once");
            }
            anyCheck |= step.type() != StepType.INTRO && step.type() != StepType.THANK_YOU;
            if (step.type() == StepType.SELFIE_WITH_DOCUMENT && !seen.contains(StepType.DOCUMENT)) {
                violations.add(
                        at + ".type", "needsDocument", "a selfie with the document needs a document step before it");
            }
            if (step.config() instanceof StepSettings.FaceMatch match) {
                for (FaceSource source : match.sources()) {
                    StepType needed = switch (source) {
                        case DOCUMENT_PHOTO -> StepType.DOCUMENT;
                        case LIVENESS -> StepType.LIVENESS;
                        case SELFIE -> StepType.SELFIE_WITH_DOCUMENT;
                        case EXTERNAL_DATABASE -> null;
                    };
                    if (needed != null && !seen.contains(needed)) {
                        violations.add(
                                at + ".config.sources",
                                "sourceMissing",
                                "the source " + source + " needs a " + needed + " step before the face match");
                    }
                }
            }
        }
        violations.require(anyCheck, "steps", "empty", "add at least one verification step");
    }

    private static @Nullable StepSettings settings(
            StepType type, @Nullable Map<String, Object> config, String at, Violations violations) {
        try {
            return JSON.convertValue(config == null ? Map.of() : config, type.settingsType());
        } catch (JacksonException | IllegalArgumentException e) {
            String message = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
            violations.add(
                    at, "config", String.valueOf(message).lines().findFirst().orElse("is not valid"));
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E enumOf(
            Class<E> type, String value, String field, Violations violations) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        violations.add(field, "unknown", "must be one of " + List.of(type.getEnumConstants()));
        return null;
    }
}
