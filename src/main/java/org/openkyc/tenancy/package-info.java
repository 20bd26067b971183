/** Companies, their people, roles and permissions, sign-in, test/live mode and integration applications. */
@ApplicationModule(allowedDependencies = "core")
@NullMarked
package org.openkyc.tenancy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
