package org.openkyc.core.db;

import java.util.ArrayList;
import java.util.List;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.UserId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;

/**
 * Spring Data JDBC set-up: identifier records are stored as plain UUID columns. Modules add their own
 * identifiers by declaring an {@link IdConverters} bean.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration extends AbstractJdbcConfiguration {

    private final ObjectProvider<IdConverters> contributions;

    PersistenceConfiguration(ObjectProvider<IdConverters> contributions) {
        this.contributions = contributions;
    }

    @Override
    protected List<?> userConverters() {
        List<Object> converters = new ArrayList<>();
        converters.addAll(IdConverters.of(CompanyId.class, CompanyId::value, CompanyId::new)
                .converters());
        converters.addAll(
                IdConverters.of(UserId.class, UserId::value, UserId::new).converters());
        converters.addAll(IdConverters.of(ApplicationId.class, ApplicationId::value, ApplicationId::new)
                .converters());
        contributions.orderedStream().forEach(c -> converters.addAll(c.converters()));
        return converters;
    }
}
