package org.openkyc.core;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Absolute links to OpenKYC pages, for mail and API answers. */
@Component
public class Links {

    private final OpenKycSettings settings;
    private final Environment environment;

    Links(OpenKycSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** The absolute URL of {@code path}, which starts with a slash. */
    public String to(String path) {
        String base = settings.baseUrl() != null
                ? settings.baseUrl().toString()
                : "http://localhost:"
                        + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return base.replaceAll("/+$", "") + path;
    }
}
