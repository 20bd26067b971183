package org.openkyc.screening;

import java.net.URI;
import java.time.Duration;
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
 * @param maxListAge how long a list counts as current after it was last loaded or confirmed unchanged by a refresh;
 *     a screening that needs a list of a kind with an older list fails closed
 * @param syncInterval how often each instance looks in the database for list versions other instances stored
 * @param formerPepPeriod how long a person stays politically exposed after leaving their last office
 * @param maxImportBytes the largest list file an operator may import, and the most a compressed one may inflate to
 */
@ConfigurationProperties("openkyc.screening")
public record ScreeningSettings(
        @DefaultValue List<String> lists,
        @DefaultValue Map<String, List<URI>> sources,
        @DefaultValue Refresh refresh,
        @DefaultValue("3") int keepVersions,
        @DefaultValue("P7D") Duration maxListAge,
        @DefaultValue("PT2S") Duration syncInterval,
        @DefaultValue("P365D") Duration formerPepPeriod,
        @DefaultValue("500000000") long maxImportBytes) {

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
