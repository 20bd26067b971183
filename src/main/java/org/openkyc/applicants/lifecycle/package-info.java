/** The applicant status machine: which action may move which status where. Free of Spring. */
@NullMarked
package org.openkyc.applicants.lifecycle;

import org.jspecify.annotations.NullMarked;
