package org.openkyc.screening;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where screening lists come from.
 *
 * @param lists folders of list files read at start and on every reload; empty means {@code <data-dir>/lists}
 * @param sources lists downloaded from their publishers, by name: the addresses of the files that make up each list
 *     (one for most, four for an OFAC CSV set)
 * @param refresh when the publishers' lists are downloaded again
 * @param keepVersions how many earlier versions of each list the database keeps beside the current one
 */
@ConfigurationProperties("openkyc.screening")
public record ScreeningSettings(
        @DefaultValue List<String> lists,
        @DefaultValue Map<String, List<URI>> sources,
        @DefaultValue Refresh refresh,
        @DefaultValue("3") int keepVersions) {

    /**
     * @param enabled whether the publishers' lists are downloaded at all (at start when none was ever imported, then
     *     on {@code cron})
     * @param maxBytes the largest file accepted from a publisher
     */
    public record Refresh(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0 20 4 * * *") String cron,
            @DefaultValue("300000000") long maxBytes) {}
}
