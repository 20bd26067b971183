/** Shared kernel: identifiers, modes and permissions, problems, security, storage, mail and crypto. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.openkyc.core;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
