package org.openkyc.tenancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start with an empty database, creates the company given by {@code openkyc.bootstrap.*}, with
 * its administrator already verified. Later starts leave everything as it is. It runs while the application
 * starts, before the web server accepts requests, so the company exists once the health check answers.
 */
@Component
class Bootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final BootstrapSettings settings;
    private final Registrations registrations;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Bootstrap(BootstrapSettings settings, Registrations registrations, JdbcClient jdbc, TransactionTemplate tx) {
        this.settings = settings;
        this.registrations = registrations;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (settings.complete()) {
            tx.executeWithoutResult(status -> createCompanyIfEmpty());
        }
    }

    private void createCompanyIfEmpty() {
        // Serialises concurrent first starts of several instances on one database.
        jdbc.sql("SELECT pg_advisory_xact_lock(7342001)").query((rows, i) -> 1).list();
        boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM company)")
                .query(Boolean.class)
                .single();
        if (!empty) {
            return;
        }
        SignUp signUp = new SignUp(
                "Administrator",
                settings.companyName(),
                "",
                "Administrator",
                settings.adminEmail(),
                settings.adminPassword());
        registrations.register(signUp, settings.plan(), MemberStatus.ACTIVE, "en");
        log.info(
                "Created the company {} with administrator {} on plan {}",
                settings.companyName(),
                settings.adminEmail(),
                settings.plan());
    }
}
