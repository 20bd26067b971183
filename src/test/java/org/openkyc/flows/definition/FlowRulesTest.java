package org.openkyc.flows.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openkyc.flows.definition.FlowInput.StepInput;

class FlowRulesTest {

    private static FlowInput flow(StepInput... steps) {
        return new FlowInput("KYC", "REGULAR", false, null, null, Arrays.asList(steps));
    }

    private static StepInput step(String type) {
        return new StepInput(type, Map.of());
    }

    private static StepInput step(String type, Map<String, Object> config) {
        return new StepInput(type, config);
    }

    private static List<String> broken(FlowInput input) {
        return FlowRules.check(input).violations().stream()
                .map(v -> v.field() + ":" + v.code())
                .toList();
    }

    @Test
    void addsTheIntroAndTheThankYouPageAndFillsDefaults() {
        FlowDefinition definition = FlowRules.check(flow(step("DOCUMENT"), step("liveness")))
                .valid()
                .orElseThrow();
        assertThat(definition.stepTypes())
                .containsExactly(StepType.INTRO, StepType.DOCUMENT, StepType.LIVENESS, StepType.THANK_YOU);
        StepSettings.Document document =
                (StepSettings.Document) definition.steps().get(1).config();
        assertThat(document.minimumAge()).isEqualTo(18);
        assertThat(document.captureWays())
                .containsExactly(StepSettings.CaptureWay.GALLERY, StepSettings.CaptureWay.CAMERA);
        assertThat(((StepSettings.Liveness) definition.steps().get(2).config()).attempts())
                .isEqualTo(3);
        assertThat(definition.style().font()).isEqualTo("Inter@400");
    }

    @Test
    void namesEveryBrokenSettingByItsPath() {
        assertThat(broken(flow(
                        step("LIVENESS", Map.of("attempts", 6, "mode", "CUSTOM")),
                        step(
                                "DOCUMENT",
                                Map.of(
                                        "minimumAge",
                                        150,
                                        "captureWays",
                                        List.of(),
                                        "permittedCountries",
                                        List.of("DE"),
                                        "excludedCountries",
                                        List.of("FR"))),
                        step("EMAIL", Map.of("attempts", 0)),
                        step("AML", Map.of("periodicity", "WEEKLY")))))
                .containsExactlyInAnyOrder(
                        "steps[0].config.attempts:range",
                        "steps[0].config.actions:empty",
                        "steps[1].config.excludedCountries:permittedAndExcluded",
                        "steps[1].config.captureWays:empty",
                        "steps[1].config.minimumAge:range",
                        "steps[2].config.attempts:range",
                        "steps[3].config.periodicity:notMonitoring");
    }

    @Test
    void refusesStepsThatDependOnMissingSteps() {
        assertThat(broken(flow(step("SELFIE_WITH_DOCUMENT")))).containsExactly("steps[0].type:needsDocument");
        assertThat(broken(flow(
                        step("LIVENESS"),
                        step("FACE_MATCH", Map.of("sources", List.of("DOCUMENT_PHOTO", "LIVENESS"))))))
                .containsExactly("steps[1].config.sources:sourceMissing");
        assertThat(broken(flow(step("DOCUMENT"), step("FACE_MATCH", Map.of("sources", List.of("DOCUMENT_PHOTO"))))))
                .containsExactly("steps[1].config.sources:tooFew");
    }

    @Test
    void keepsTheIntroFirstTheThankYouLastAndEachStepOnce() {
        assertThat(broken(flow(step("DOCUMENT"), step("INTRO")))).containsExactly("steps[1].type:introFirst");
        assertThat(broken(flow(step("THANK_YOU"), step("DOCUMENT")))).containsExactly("steps[0].type:thankYouLast");
        assertThat(broken(flow(step("EMAIL"), step("EMAIL")))).containsExactly("steps[1].type:duplicateStep");
        assertThat(broken(flow(
                        step("QUESTIONNAIRE", Map.of("questionnaireId", "a")),
                        step("QUESTIONNAIRE", Map.of("questionnaireId", "b")))))
                .isEmpty();
        assertThat(broken(flow(step("INTRO"), step("THANK_YOU")))).containsExactly("steps:empty");
    }

    @Test
    void refusesUnknownTypesSettingsAndStyles() {
        assertThat(broken(flow(step("TELEPATHY")))).containsExactly("steps[0].type:unknown");
        assertThat(broken(flow(step("EMAIL", Map.of("otp", true, "colour", "red")))))
                .containsExactly("steps[0].config:config");
        assertThat(broken(flow(step("PHONE", Map.of("channel", "PIGEON"))))).containsExactly("steps[0].config:config");
        FlowInput styled = new FlowInput(
                "",
                "SOMETIMES",
                false,
                new Countries(List.of("XX"), List.of()),
                new FlowStyle("blue", null, null, null, null, null, null, 99, "Comic Sans"),
                List.of(step("EMAIL")));
        assertThat(broken(styled))
                .containsExactlyInAnyOrder(
                        "name:NotBlank",
                        "type:unknown",
                        "countries.permitted[0]:country",
                        "style.primaryColor:colour",
                        "style.borderRadius:range",
                        "style.font:font");
    }

    @Test
    void textAndButtonsMustStayReadable() {
        assertThat(FlowStyle.contrastRatio("#000000", "#ffffff")).isEqualTo(21.0);
        FlowInput faint = new FlowInput(
                "Faint",
                "REGULAR",
                false,
                null,
                new FlowStyle(null, "#ffffff", "#bbbbbb", "#ffff00", "#ffffff", null, null, null, null),
                List.of(step("EMAIL")));
        assertThat(broken(faint))
                .containsExactlyInAnyOrder("style.textColor:contrast", "style.buttonTextColor:contrast");
        FlowInput fine = new FlowInput(
                "Fine",
                "REGULAR",
                false,
                null,
                new FlowStyle(null, "#ffffff", "#222222", "#174a94", "#ffffff", null, null, null, null),
                List.of(step("EMAIL")));
        assertThat(broken(fine)).isEmpty();
    }

    @Test
    void countryRestrictionsPermitOrExclude() {
        assertThat(new Countries(List.of("de", "AT"), List.of()).allows("DE")).isTrue();
        assertThat(new Countries(List.of("DE"), List.of()).allows("FR")).isFalse();
        assertThat(new Countries(List.of(), List.of("KP")).allows("kp")).isFalse();
        assertThat(Countries.ANY.allows("BR")).isTrue();
    }
}
