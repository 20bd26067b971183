package org.openkyc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts OpenKYC: the workplace, the public API and the applicant-facing flow in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class OpenKycApplication {

    /**
     * The scheduled work (mail, webhooks, refreshes, clean-ups); {@code openkyc.scheduling.enabled=false} leaves it to
     * other instances, as the {@code doctor} command does.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "openkyc.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    @EnableScheduling
    static class Scheduling {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            System.exit(DemoCommand.run(args, System.out, System.err));
        }
        if (OpenKycCommands.isCommand(args)) {
            System.exit(OpenKycCommands.run(args, System.out, System.err));
        }
        SpringApplication.run(OpenKycApplication.class, args);
    }
}
