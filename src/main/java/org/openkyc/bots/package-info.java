/**
 * The KYC bots. The KYC Bot (every paid plan, switched on per flow) approves a completed verification whose
 * certificates are all CLEAR and tells the applicant. The Advanced KYC Bot (enterprise plans, switched on per company)
 * reads why CONSIDER certificates ask for a person and decides by the company's rules: approve, ask the applicant to
 * send something again, leave it to a reviewer, reject, or block. Every decision is explained in the timeline.
 */
@ApplicationModule(
        allowedDependencies = {
            "core",
            "applicants",
            "applicants :: lifecycle",
            "certificates",
            "flows",
            "flows :: definition",
            "tenancy"
        })
@NullMarked
package org.openkyc.bots;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
