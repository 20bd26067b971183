/** Proof of address: the text of a bill or statement held against what the applicant declared. */
@NamedInterface("address")
@NullMarked
package org.openkyc.documents.address;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
