package org.openkyc.tenancy;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The people who run this installation, and the allowances of the plans.
 *
 * @param operators the sign-in emails of the platform operators: members of any company who may manage every
 *     company's plan and open the workplace of companies on a managed plan
 * @param freeTestVerifications how many test verifications a company on the free plan may start, in all
 * @param trial the length of a trial an operator starts when none is given
 */
@ConfigurationProperties("openkyc.platform")
public record PlatformSettings(
        @DefaultValue List<String> operators,
        @DefaultValue("5") int freeTestVerifications,
        @DefaultValue("P14D") Duration trial) {

    boolean isOperator(String email) {
        return !email.isBlank() && operators.stream().anyMatch(o -> o.strip().equalsIgnoreCase(email.strip()));
    }
}
