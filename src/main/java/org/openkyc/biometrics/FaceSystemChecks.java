package org.openkyc.biometrics;

import org.openkyc.core.checks.SystemCheck;
import org.openkyc.core.checks.SystemChecks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Whether faces can be compared ({@code faces}) and liveness judged ({@code liveness}); both decide compliance. */
@Configuration(proxyBeanMethods = false)
class FaceSystemChecks {

    @Bean
    SystemCheck facesCheck(FaceModels faces) {
        return SystemChecks.of("faces", true, faces::facesReadiness);
    }

    @Bean
    SystemCheck livenessCheck(FaceModels faces) {
        return SystemChecks.of("liveness", true, faces::livenessReadiness);
    }
}
