package org.openkyc.core;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares.
 *
 * @param dataDir where OpenKYC keeps its files: the embedded database, the master key, media
 * @param baseUrl the address people reach OpenKYC at, used in links sent by mail; when unset, links
 *     point at {@code http://localhost:<server.port>}
 * @param masterKey base64 of 32 bytes that encrypts stored secrets; when unset, one is generated on
 *     first start and kept in {@code <dataDir>/master.key}
 */
@ConfigurationProperties("openkyc")
public record OpenKycSettings(
        @DefaultValue("./data") Path dataDir,
        @Nullable URI baseUrl,
        @Nullable String masterKey) {}
