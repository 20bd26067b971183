package org.openkyc.documents;

import org.openkyc.core.checks.SystemCheck;
import org.openkyc.core.checks.SystemChecks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whether documents can be read: {@code mrz-ocr} (the zone of identity documents) and {@code text-ocr} (the visual
 * zone, and the bills and statements of proof of address, whose verdict rests on the text read). Both decide
 * compliance.
 */
@Configuration(proxyBeanMethods = false)
class OcrSystemChecks {

    @Bean
    SystemCheck mrzOcrCheck(OcrEngines ocr) {
        return SystemChecks.of("mrz-ocr", true, ocr::mrzReadiness);
    }

    @Bean
    SystemCheck textOcrCheck(OcrEngines ocr) {
        return SystemChecks.of("text-ocr", true, ocr::textReadiness);
    }
}
