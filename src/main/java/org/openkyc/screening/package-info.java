/** Sanctions, PEP and watchlist screening: the matching engine ({@code screening.matching}, free of Spring). */
@ApplicationModule(allowedDependencies = {"core"})
@NullMarked
package org.openkyc.screening;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
