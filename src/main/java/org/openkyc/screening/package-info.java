/**
 * Sanctions, PEP and watchlist screening: the matching engine ({@code screening.matching}, free of Spring), the lists,
 * manual scans, applicant screening with review statuses, and wallet AML.
 */
@ApplicationModule(allowedDependencies = {"core", "applicants", "flows :: definition"})
@NullMarked
package org.openkyc.screening;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
