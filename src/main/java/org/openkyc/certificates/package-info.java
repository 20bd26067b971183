/**
 * Certificates: every finished check (identity document, face match, sanctions and PEP screening, proof of address,
 * crypto address, crypto AML) as a result, CLEAR or CONSIDER, with its details and an expiry.
 */
@ApplicationModule(
        allowedDependencies = {
            "core",
            "applicants",
            "applicants :: lifecycle",
            "documents",
            "documents :: address",
            "biometrics",
            "screening",
            "flows :: definition"
        })
@NullMarked
package org.openkyc.certificates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
