/** The workplace shell: layout, navigation by permission, the mode toggle and the section pages. */
@ApplicationModule(allowedDependencies = "core")
@NullMarked
package org.openkyc.workplace;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
