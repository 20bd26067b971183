package org.openkyc.tenancy;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company created on the first start with an empty database, as sign-up would, but already verified.
 *
 * @param companyName the company's name; nothing is created unless the name, email and password are set
 * @param adminEmail the administrator's email
 * @param adminPassword the administrator's password; it must meet the password policy
 * @param plan the company's plan
 */
@ConfigurationProperties("openkyc.bootstrap")
public record BootstrapSettings(
        @Nullable String companyName,
        @Nullable String adminEmail,
        @Nullable String adminPassword,
        @DefaultValue("FREE") Plan plan) {

    boolean complete() {
        return companyName != null
                && !companyName.isBlank()
                && adminEmail != null
                && !adminEmail.isBlank()
                && adminPassword != null
                && !adminPassword.isBlank();
    }

    @Override
    public String toString() {
        return "BootstrapSettings[companyName=" + companyName + ", adminEmail=" + adminEmail + ", plan=" + plan + "]";
    }
}
