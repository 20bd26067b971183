package org.openkyc.core.geo;

import org.openkyc.core.checks.SystemCheck;
import org.openkyc.core.checks.SystemChecks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whether applicants' addresses can be placed and their networks named ({@code ip-intelligence}). A heuristic: without
 * it the reviewer sees less, and nobody is refused.
 */
@Configuration(proxyBeanMethods = false)
class IpSystemCheck {

    @Bean
    SystemCheck ipIntelligenceCheck(IpIntelligence intelligence) {
        return SystemChecks.of("ip-intelligence", false, intelligence::readiness);
    }
}
