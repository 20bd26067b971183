package org.openkyc.core.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL server OpenKYC starts itself when no {@code spring.datasource.url} is set.
 *
 * @param durable true keeps the data directory between starts and syncs every commit to disk; false
 *     (tests only) starts from an empty directory with fsync off
 * @param port the port to listen on; 0 picks a free one
 * @param database the database OpenKYC creates and uses
 */
@ConfigurationProperties("openkyc.embedded-db")
public record EmbeddedDatabaseSettings(
        @DefaultValue("true") boolean durable,
        @DefaultValue("0") int port,
        @DefaultValue("openkyc") String database) {}
