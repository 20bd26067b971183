/**
 * Deduplication: applicants of a company who share a crypto address, a national ID number or a passport number,
 * compared through keyed hashes; the original stays and the duplicates are blocked. Enterprise plans only.
 */
@ApplicationModule(
        allowedDependencies = {
            "core",
            "applicants",
            "applicants :: lifecycle",
            "documents",
            "flows :: definition",
            "tenancy"
        })
@NullMarked
package org.openkyc.deduplication;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
