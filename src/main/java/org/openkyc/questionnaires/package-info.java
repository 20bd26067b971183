/**
 * Questionnaires: the company's forms (SurveyJS-compatible schemas) with the workplace's list and builder, the
 * questionnaire step's answers checked on the server ({@code questionnaires.logic}, free of Spring), and the results
 * in the profile as a PDF.
 */
@ApplicationModule(allowedDependencies = {"core", "applicants", "flows :: definition"})
@NullMarked
package org.openkyc.questionnaires;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
