package org.openkyc.tenancy;

import org.openkyc.core.db.IdConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stores this module's identifier records as UUID columns. */
@Configuration(proxyBeanMethods = false)
class TenancyPersistence {

    @Bean
    IdConverters roleIdConverters() {
        return IdConverters.of(RoleId.class, RoleId::value, RoleId::new);
    }

    @Bean
    IdConverters invitationIdConverters() {
        return IdConverters.of(InvitationId.class, InvitationId::value, InvitationId::new);
    }
}
