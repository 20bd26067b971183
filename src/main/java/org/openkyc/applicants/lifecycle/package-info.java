/** The applicant status machine: which action may move which status where. Free of Spring. */
@NamedInterface("lifecycle")
@NullMarked
package org.openkyc.applicants.lifecycle;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
