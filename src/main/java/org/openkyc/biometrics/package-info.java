/**
 * Biometrics: liveness and face match with local models ({@code biometrics.faces}, free of Spring), the steps of the
 * hosted flow that use them, and the profile's blocks that show them.
 */
@ApplicationModule(allowedDependencies = {"core", "media", "applicants", "flows :: definition", "documents"})
@NullMarked
package org.openkyc.biometrics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
