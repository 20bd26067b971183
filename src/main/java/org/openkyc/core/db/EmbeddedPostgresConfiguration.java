package org.openkyc.core.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.openkyc.core.OpenKycSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts PostgreSQL inside OpenKYC's process tree when no external database is configured, so a
 * machine with only a JDK runs the whole product. Data lives under {@code <data-dir>/postgres}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceConfigured.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(OpenKycSettings settings, EmbeddedDatabaseSettings db) throws IOException {
        Path directory = settings.dataDir().toAbsolutePath().resolve("postgres");
        Files.createDirectories(directory.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(!db.durable())
                .setPGStartupWait(Duration.ofSeconds(90))
                // Stopped by this bean's destroy method, after everything that still writes on shutdown; a JVM
                // shutdown hook of its own would race the application's.
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", db.durable() ? "on" : "off")
                .setServerConfig("synchronous_commit", db.durable() ? "on" : "off")
                .setServerConfig("full_page_writes", db.durable() ? "on" : "off")
                .setServerConfig("max_connections", "100");
        if (db.port() > 0) {
            builder.setPort(db.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info(
                "Embedded PostgreSQL listening on port {} with data in {} ({})",
                postgres.getPort(),
                directory,
                db.durable() ? "durable" : "throw-away");
        createDatabaseIfMissing(postgres, db.database());
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseSettings db) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", db.database()));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("openkyc");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("openkyc.embedded-db.database must be a plain lower-case name");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the embedded database " + database, e);
        }
    }

    static class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
