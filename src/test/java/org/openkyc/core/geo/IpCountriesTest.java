package org.openkyc.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openkyc.core.OpenKycSettings;
import org.openkyc.support.IntegrationTest;

class IpCountriesTest {

    private final IpCountries countries = new IpCountries(
            new OpenKycSettings(Path.of("target/no-such-dir"), null, null), IntegrationTest.IP_COUNTRIES);

    @Test
    void publicAddressesHaveTheirCountry() {
        assertThat(countries.available()).isTrue();
        assertThat(countries.country("8.8.8.8")).hasValue("US");
        assertThat(countries.country("193.0.6.139")).hasValue("NL");
        assertThat(countries.country("2001:67c:2e8::139")).hasValue("NL");
    }

    @Test
    void privateLoopbackAndNonsenseAreUnknown() {
        assertThat(countries.country("127.0.0.1")).isEmpty();
        assertThat(countries.country("10.1.2.3")).isEmpty();
        assertThat(countries.country("::1")).isEmpty();
        assertThat(countries.country("example.org"))
                .as("names are never resolved")
                .isEmpty();
        assertThat(countries.country(null)).isEmpty();
    }

    @Test
    void withoutADatabaseEveryCountryIsUnknown() {
        IpCountries none = new IpCountries(new OpenKycSettings(Path.of("target/no-such-dir"), null, null), "");
        assertThat(none.available()).isFalse();
        assertThat(none.country("8.8.8.8")).isEmpty();
    }
}
