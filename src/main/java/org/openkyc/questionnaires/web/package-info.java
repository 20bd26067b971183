/** The workplace's questionnaire list and builder, and the profile's Questionnaire Results. */
@NullMarked
package org.openkyc.questionnaires.web;

import org.jspecify.annotations.NullMarked;
