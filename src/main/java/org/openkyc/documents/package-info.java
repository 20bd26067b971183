/** Identity documents: reading machine-readable zones, and (to come) the document check of the hosted flow. */
@ApplicationModule(allowedDependencies = {"core"})
@NullMarked
package org.openkyc.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
