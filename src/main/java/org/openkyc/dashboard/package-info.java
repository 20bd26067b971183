/**
 * The dashboard: a daily roll-up of every applicant's facts (status, country, warnings, each step's outcome), kept up
 * to date by the applicants' events, and the figures of a date range summed from it.
 */
@ApplicationModule(allowedDependencies = {"core", "applicants", "applicants :: lifecycle", "flows :: definition"})
@NullMarked
package org.openkyc.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
