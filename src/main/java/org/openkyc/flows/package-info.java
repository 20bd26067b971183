/** Verification flows: their steps and step settings, style, drafts and published versions. */
@ApplicationModule(allowedDependencies = {"core", "tenancy"})
@NullMarked
package org.openkyc.flows;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
