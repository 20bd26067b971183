/** OpenKYC: identity verification and AML screening. */
@NullMarked
package org.openkyc;

import org.jspecify.annotations.NullMarked;
