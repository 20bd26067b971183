package org.openkyc.hosted;

import org.openkyc.core.checks.SystemCheck;
import org.openkyc.core.checks.SystemChecks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whether mail domains can be looked up ({@code email-dns}). A heuristic: while DNS does not answer, no address is
 * refused for its domain.
 */
@Configuration(proxyBeanMethods = false)
class EmailDnsSystemCheck {

    @Bean
    SystemCheck emailDnsCheck(MailDomains domains) {
        return SystemChecks.of("email-dns", false, domains::readiness);
    }
}
