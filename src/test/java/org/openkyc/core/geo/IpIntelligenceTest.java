package org.openkyc.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.core.models.PackagedModels;

/** Known addresses against the databases the build installs from npm. */
class IpIntelligenceTest {

    static final String DATA = "src/main/npm/node_modules/@ip-location-db";

    private static IpIntelligence intelligence;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        Path anonymisers = dir.resolve("anonymisers.csv");
        Files.writeString(anonymisers, "# test list\n185.220.101.0/24,tor\n2a0b:f4c0::/32,tor\n");
        intelligence = new IpIntelligence(
                PackagedModels.unpackingTo(Path.of("target/test-models")),
                DATA,
                List.of(),
                List.of(),
                anonymisers.toString());
        assertThat(intelligence.available())
                .as("IP databases installed by the build under " + DATA)
                .isTrue();
    }

    @AfterAll
    static void close() throws Exception {
        intelligence.destroy();
    }

    @Test
    void aPublicResolver() {
        IpIntelligence.Report google = intelligence.lookup("8.8.8.8");
        assertThat(google.valid()).isTrue();
        assertThat(google.version()).isEqualTo(4);
        assertThat(google.bogon()).isFalse();
        assertThat(google.countryCode()).isEqualTo("US");
        assertThat(google.asn()).isEqualTo(15169L);
        assertThat(google.isp()).containsIgnoringCase("google");
        assertThat(google.providerDomain()).isEqualTo("google.com");
        assertThat(google.latitude()).isNotNull();
        assertThat(google.region()).isEqualTo("California");
        // DB-IP Lite has no time zones; the country's zone nearest in offset to the longitude stands in.
        assertThat(google.timeZone()).isEqualTo("America/Los_Angeles");
        assertThat(google.eu()).isFalse();

        IpIntelligence.Report cloudflare = intelligence.lookup("1.1.1.1");
        assertThat(cloudflare.asn()).isEqualTo(13335L);
        assertThat(cloudflare.type()).isEqualTo("cdn");
        assertThat(cloudflare.hosting()).isFalse();

        IpIntelligence.Report v6 = intelligence.lookup("2001:4860:4860::8888");
        assertThat(v6.version()).isEqualTo(6);
        assertThat(v6.asn()).isEqualTo(15169L);
        assertThat(v6.countryCode()).isEqualTo("US");
    }

    @Test
    void aCloudProviderRange() {
        // 3.5.140.0/22 is announced by Amazon (AWS, Seoul region).
        IpIntelligence.Report aws = intelligence.lookup("3.5.140.10");
        assertThat(aws.asn()).isEqualTo(16509L);
        assertThat(aws.hosting()).isTrue();
        assertThat(aws.type()).isEqualTo("hosting");
        assertThat(aws.providerWebsite()).isEqualTo("https://amazonaws.com");
        // Hetzner, in the EU.
        IpIntelligence.Report hetzner = intelligence.lookup("88.198.1.1");
        assertThat(hetzner.asn()).isEqualTo(24940L);
        assertThat(hetzner.hosting()).isTrue();
        assertThat(hetzner.countryCode()).isEqualTo("DE");
        assertThat(hetzner.eu()).isTrue();
        assertThat(hetzner.timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void privateAndReservedAddressesAreBogonsWithNothingElseToSay() {
        IpIntelligence.Report home = intelligence.lookup("192.168.1.20");
        assertThat(home.valid()).isTrue();
        assertThat(home.bogon()).isTrue();
        assertThat(home.special()).isEqualTo("private use");
        assertThat(home.countryCode()).isNull();
        assertThat(home.asn()).isNull();

        assertThat(intelligence.lookup("240.0.0.1").special()).isEqualTo("reserved");
        assertThat(intelligence.lookup("198.51.100.7").special()).isEqualTo("documentation");
        assertThat(intelligence.lookup("100.64.3.4").special()).isEqualTo("carrier-grade NAT");
        assertThat(intelligence.lookup("fe80::1").bogon()).isTrue();
        assertThat(intelligence.lookup("::ffff:10.0.0.1").special()).isEqualTo("private use");
        // IPv6 outside 2000::/3 has not been allocated by IANA.
        IpIntelligence.Report unallocated = intelligence.lookup("4000::1");
        assertThat(unallocated.bogon()).isTrue();
        assertThat(unallocated.special()).isEqualTo("not allocated by IANA");
    }

    @Test
    void malformedAddressesAreNotValid() {
        for (String bad : new String[] {"999.1.1.1", "1.2.3", "example.org", "", "1.2.3.4; DROP", "::g"}) {
            assertThat(intelligence.lookup(bad).valid()).as(bad).isFalse();
        }
    }

    @Test
    void anOperatorsListFlagsAnonymisers() {
        IpIntelligence.Report exit = intelligence.lookup("185.220.101.33");
        assertThat(exit.tor()).isTrue();
        assertThat(exit.proxy()).isFalse();
        IpIntelligence.Report ordinary = intelligence.lookup("8.8.4.4");
        assertThat(ordinary.tor()).isFalse();
        assertThat(ordinary.vpn()).isFalse();
    }

    @Test
    void withoutDataOnlyFormatAndBogonsAreKnown(@TempDir Path empty) {
        IpIntelligence none =
                new IpIntelligence(PackagedModels.unpackingTo(empty), empty.toString(), List.of(), List.of(), "");
        assertThat(none.available()).isFalse();
        IpIntelligence.Report report = none.lookup("8.8.8.8");
        assertThat(report.valid()).isTrue();
        assertThat(report.countryCode()).isNull();
        assertThat(report.vpn()).as("no data says either way").isNull();
        assertThat(none.lookup("10.0.0.1").bogon()).isTrue();
    }
}
