package org.openkyc.documents.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IcaoCountriesTest {

    @Test
    void isoCodesAndIcaosOwnCodesMapToCountries() {
        assertThat(IcaoCountries.alpha2("FRA")).hasValue("FR");
        assertThat(IcaoCountries.alpha2("NLD")).hasValue("NL");
        assertThat(IcaoCountries.alpha2("D<<")).hasValue("DE");
        assertThat(IcaoCountries.alpha2("GBD")).hasValue("GB");
        assertThat(IcaoCountries.alpha2("GBR")).hasValue("GB");
        assertThat(IcaoCountries.alpha2("RKS")).hasValue("XK");
    }

    @Test
    void codesOfNoCountryHaveNone() {
        for (String code : new String[] {"UNO", "EUE", "XXA", "XXB", "XXC", "XXX", "UTO", "ZZZ"}) {
            assertThat(IcaoCountries.alpha2(code)).as(code).isEmpty();
        }
    }
}
