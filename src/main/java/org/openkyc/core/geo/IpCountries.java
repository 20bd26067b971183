package org.openkyc.core.geo;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.OpenKycSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The country of an IP address, from a MaxMind-format (.mmdb) country database on disk: any database whose records
 * carry {@code country_code} (the ip-location-db family) or {@code country.iso_code} (GeoLite2/GeoIP2 Country).
 * The file is {@code openkyc.ip-country.database}, by default {@code <data-dir>/ip-country.mmdb}. Without one, or for
 * private and loopback addresses, the country is unknown; nothing is ever guessed.
 */
@Component
public class IpCountries implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IpCountries.class);
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private final @Nullable Reader reader;

    IpCountries(OpenKycSettings settings, @Value("${openkyc.ip-country.database:}") String database) {
        Path file = database.isBlank() ? settings.dataDir().resolve("ip-country.mmdb") : Path.of(database);
        Reader opened = null;
        if (Files.isReadable(file)) {
            try {
                opened = new Reader(file.toFile(), new CHMCache());
                log.info(
                        "IP country database: {} ({})",
                        file,
                        opened.getMetadata().getDatabaseType());
            } catch (IOException e) {
                log.warn("The IP country database {} cannot be read; countries stay unknown", file, e);
            }
        } else {
            log.info("No IP country database at {}; flows' country restrictions cannot be checked by IP", file);
        }
        this.reader = opened;
    }

    /** Whether a database is loaded. */
    public boolean available() {
        return reader != null;
    }

    /** The ISO 3166 alpha-2 country of {@code ip} (an address literal), if the database knows it. */
    public Optional<String> country(@Nullable String ip) {
        Reader current = reader;
        if (current == null || ip == null || !LITERAL.matcher(ip).matches()) {
            return Optional.empty();
        }
        try {
            InetAddress address = InetAddress.getByName(ip);
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> record = current.get(address, Map.class);
            return Optional.ofNullable(code(record));
        } catch (UnknownHostException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("IP country lookup failed", e);
            return Optional.empty();
        }
    }

    private static @Nullable String code(@Nullable Map<String, Object> record) {
        if (record == null) {
            return null;
        }
        Object flat = record.get("country_code");
        if (flat instanceof String code && code.length() == 2) {
            return code.toUpperCase(Locale.ROOT);
        }
        if (record.get("country") instanceof Map<?, ?> country && country.get("iso_code") instanceof String code) {
            return code.toUpperCase(Locale.ROOT);
        }
        return null;
    }

    @Override
    public void destroy() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
