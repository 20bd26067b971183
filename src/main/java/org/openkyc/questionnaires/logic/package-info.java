/**
 * Questionnaire logic, free of Spring: the expression language SurveyJS schemas use (the subset the builder writes),
 * parsed and evaluated with SurveyJS's own semantics, and the validation of submitted answers against a schema.
 */
@NullMarked
package org.openkyc.questionnaires.logic;

import org.jspecify.annotations.NullMarked;
