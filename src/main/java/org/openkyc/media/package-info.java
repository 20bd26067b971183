/**
 * Media: what applicants upload, checked (size, sniffed type, pixel limit), re-encoded without metadata, and kept in a
 * blob store encrypted with per-company data keys that the master key wraps.
 */
@ApplicationModule(allowedDependencies = {"core"})
@NullMarked
package org.openkyc.media;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
