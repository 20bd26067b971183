package org.openkyc.core.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How queued mail leaves.
 *
 * @param from the sender address
 * @param pollInterval how often queued mail is picked up
 * @param maxAttempts attempts before a mail is given up and marked failed
 */
@ConfigurationProperties("openkyc.mail")
public record MailSettings(
        @DefaultValue("OpenKYC <no-reply@openkyc.local>") String from,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("8") int maxAttempts) {}
