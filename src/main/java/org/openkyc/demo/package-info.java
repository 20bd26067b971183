/**
 * Demo data for evaluation and benchmarks: {@code java -jar openkyc.jar demo --applicants N} fills a company with
 * applicants spread over the last year, written in bulk with the dashboard's roll-up.
 */
@ApplicationModule(
        allowedDependencies = {
            "core",
            "tenancy",
            "flows",
            "flows :: definition",
            "applicants",
            "applicants :: lifecycle",
            "dashboard"
        })
@NullMarked
package org.openkyc.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
