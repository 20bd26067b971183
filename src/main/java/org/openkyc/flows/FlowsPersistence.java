package org.openkyc.flows;

import org.openkyc.core.db.IdConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stores flow identifiers as UUID columns. */
@Configuration(proxyBeanMethods = false)
class FlowsPersistence {

    @Bean
    IdConverters flowIdConverters() {
        return IdConverters.of(FlowId.class, FlowId::value, FlowId::new);
    }
}
