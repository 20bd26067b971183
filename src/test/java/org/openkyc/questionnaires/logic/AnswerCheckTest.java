package org.openkyc.questionnaires.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Answers checked against a schema and its logic, as a crafted submission would try to get around it. */
public class AnswerCheckTest {

    public static final String SCHEMA = """
            {"title": "Source of funds",
             "pages": [
              {"name": "funds", "elements": [
                {"type": "radiogroup", "name": "source", "isRequired": true,
                 "choices": ["salary", "business", {"value": "crypto", "text": "Crypto assets"}, "none"]},
                {"type": "text", "name": "amount", "inputType": "number", "min": 0, "max": 1000000, "isRequired": true},
                {"type": "checkbox", "name": "countries", "choices": ["DE", "FR", "NL"]}
              ]},
              {"name": "crypto", "visibleIf": "{source} = 'crypto'", "elements": [
                {"type": "text", "name": "wallet", "requiredIf": "{amount} > 10000",
                 "validators": [{"type": "regex", "regex": "^(0x[0-9a-fA-F]{40}|bc1[0-9a-z]{8,})$"}]},
                {"type": "boolean", "name": "selfCustody", "isRequired": true}
              ]},
              {"name": "more", "elements": [
                {"type": "comment", "name": "notes", "isRequired": true},
                {"type": "text", "name": "risk"}
              ]}
             ],
             "triggers": [
              {"type": "complete", "expression": "{source} = 'none'"},
              {"type": "setvalue", "expression": "{amount} > 500000", "setToName": "risk", "setValue": "high"}
             ]}
            """;

    private final Survey survey = Survey.read(JsonMapper.builder().build().readTree(SCHEMA));

    @Test
    void answersThatFollowTheLogicAreTaken() {
        AnswerCheck.Result result = AnswerCheck.check(
                survey, Map.of("source", "salary", "amount", 4200, "countries", List.of("DE", "NL"), "notes", "ok"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.answers()).containsKeys("source", "amount", "countries", "notes");
    }

    @Test
    void aQuestionRequiredWhenVisibleMustBeAnsweredOnceItIsShown() {
        AnswerCheck.Result result = AnswerCheck.check(
                survey, Map.of("source", "crypto", "amount", 50_000, "selfCustody", true, "notes", "n"));
        assertThat(result.errors())
                .extracting(AnswerCheck.FieldError::field, AnswerCheck.FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wallet", "required"));
        assertThat(AnswerCheck.check(
                                survey, Map.of("source", "crypto", "amount", 5_000, "selfCustody", true, "notes", "n"))
                        .errors())
                .as("below the amount the wallet is optional")
                .isEmpty();
    }

    @Test
    void answersToHiddenQuestionsAreDroppedAndUnknownOnesRefused() {
        AnswerCheck.Result hidden =
                AnswerCheck.check(survey, Map.of("source", "salary", "amount", 10, "wallet", "0xabc", "notes", "n"));
        assertThat(hidden.errors()).isEmpty();
        assertThat(hidden.answers()).doesNotContainKey("wallet");
        assertThat(AnswerCheck.check(survey, Map.of("source", "salary", "amount", 1, "notes", "n", "admin", true))
                        .errors())
                .extracting(AnswerCheck.FieldError::field, AnswerCheck.FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("admin", "unknown"));
    }

    @Test
    void typesChoicesRangesAndPatternsAreChecked() {
        AnswerCheck.Result result = AnswerCheck.check(
                survey,
                Map.of(
                        "source",
                        "lottery",
                        "amount",
                        "-5",
                        "countries",
                        List.of("DE", "US"),
                        "notes",
                        List.of("not text")));
        assertThat(result.errors())
                .extracting(AnswerCheck.FieldError::field, AnswerCheck.FieldError::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("source", "choice"),
                        org.assertj.core.groups.Tuple.tuple("amount", "range"),
                        org.assertj.core.groups.Tuple.tuple("countries", "choice"),
                        org.assertj.core.groups.Tuple.tuple("notes", "type"));
        AnswerCheck.Result wallet = AnswerCheck.check(
                survey,
                Map.of(
                        "source",
                        "crypto",
                        "amount",
                        20_000,
                        "wallet",
                        "my wallet",
                        "selfCustody",
                        "yes",
                        "notes",
                        "n"));
        assertThat(wallet.errors())
                .extracting(AnswerCheck.FieldError::field, AnswerCheck.FieldError::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("wallet", "pattern"),
                        org.assertj.core.groups.Tuple.tuple("selfCustody", "type"));
    }

    @Test
    void triggersCompleteTheSurveyAndSetAnswers() {
        assertThat(AnswerCheck.check(survey, Map.of("source", "none", "amount", 0))
                        .errors())
                .as("completed on the first page: the last page's required comment is not asked")
                .isEmpty();
        AnswerCheck.Result set = AnswerCheck.check(survey, Map.of("source", "salary", "amount", 600_000, "notes", "n"));
        assertThat(set.answers()).containsEntry("risk", "high");
    }

    @Test
    void aSchemaWithABrokenExpressionIsRefused() {
        assertThatThrownBy(
                        () -> Survey.read(
                                JsonMapper.builder()
                                        .build()
                                        .readTree(
                                                "{\"pages\":[{\"elements\":[{\"type\":\"text\",\"name\":\"a\",\"visibleIf\":\"{b} = \"}]}]}")))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("Expected a value");
        assertThatThrownBy(() -> Expression.parse("{a} = 'x' and (")).hasMessageContaining("position");
    }
}
