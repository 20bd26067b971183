package org.openkyc.core.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.openkyc.core.Actor;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: bearer authentication, and no trace of server-side arguments. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static {
        // The actor is resolved from the credential, never sent by the caller.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI openKycApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("OpenKYC API")
                        .version("v1")
                        .description("Send Authorization: Bearer with a user token (POST /api/v1/auth/token) or a"
                                + " private key. With a user token, X-OpenKYC-Mode: test|live selects the mode."
                                + " Every error is an RFC 9457 problem.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
