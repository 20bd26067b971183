package org.openkyc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts OpenKYC: the workplace, the public API and the applicant-facing flow in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class OpenKycApplication {

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
