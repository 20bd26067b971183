/**
 * The applicant's side: the hosted verification flow that access links open, step by step in the applicant's
 * language and the flow's style, with progress kept on the server.
 */
@ApplicationModule(
        allowedDependencies = {
            "core",
            "tenancy",
            "applicants",
            "applicants :: lifecycle",
            "flows",
            "flows :: definition",
            "media",
            "documents",
            "documents :: address",
            "screening",
            "biometrics",
            "questionnaires"
        })
@NullMarked
package org.openkyc.hosted;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
