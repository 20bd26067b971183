/** What every check needs to run, and whether it can: the readiness modules report for their checks. */
@NullMarked
package org.openkyc.core.checks;

import org.jspecify.annotations.NullMarked;
