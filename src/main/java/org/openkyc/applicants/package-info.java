/** Applicants: verifications, their status lifecycle, review decisions and the tamper-evident timeline. */
@ApplicationModule(allowedDependencies = {"core", "tenancy", "flows", "flows :: definition", "media"})
@NullMarked
package org.openkyc.applicants;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
