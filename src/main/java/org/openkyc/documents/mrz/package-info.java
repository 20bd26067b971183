/** Machine-readable zones of ICAO Doc 9303 (TD1, TD2, TD3, MRV-A, MRV-B): parsing and check digits. Free of Spring. */
@NamedInterface("mrz")
@NullMarked
package org.openkyc.documents.mrz;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
