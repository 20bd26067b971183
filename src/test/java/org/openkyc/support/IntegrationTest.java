package org.openkyc.support;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, with a throw-away embedded PostgreSQL, real SMTP (GreenMail) and a
 * clock tests can move. All subclasses share one application context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "openkyc.embedded-db.durable=false",
            "openkyc.data-dir=target/test-data/${random.uuid}",
            // fixed so that a second instance started by a test opens the same secrets
            "openkyc.master-key=" + IntegrationTest.MASTER_KEY,
            "openkyc.mail.poll-interval=PT0.2S",
            "openkyc.webhooks.initial-backoff=PT0.2S",
            "openkyc.webhooks.max-attempts=3",
            "openkyc.webhooks.timeout=PT2S",
            "openkyc.webhooks.poll-interval=PT0.1S",
            "openkyc.webhooks.allowed-networks=127.0.0.1/32",
            "openkyc.ip-country.database=" + IntegrationTest.IP_COUNTRIES,
            // the UN list and the 2021 SDN set (which names digital-currency addresses), and the US Congress as PEP
            // data: quick to load
            "openkyc.screening.lists=../shared/data/sanctions/un_sc,../shared/data/sanctions/ofac_sdn_2021,"
                    + "../shared/data/pep/us-congress",
            // tests move the clock by months; ListCoverageTest covers the age rule with the default
            "openkyc.screening.max-list-age=P3650D",
            // a zip bomb needs only to pass this to be refused
            "openkyc.screening.max-import-bytes=50000000",
            // no downloads from the publishers; ListVersionsTest refreshes from a local server
            "openkyc.screening.refresh.enabled=false",
            "openkyc.faces.reference-directory=target/test-reference-faces",
            "openkyc.email.disposable-domains=src/test/node/node_modules/disposable-email-domains",
            // test addresses use example.org, which publishes a null MX; MailDomainsTest covers the check
            "openkyc.email.check-mx=false",
            "openkyc.tenancy.max-failures-per-address=1000",
            // tests start many test verifications per company; PlansTest fills the free allowance to its edge
            "openkyc.platform.free-test-verifications=1000000",
            "openkyc.platform.operators=" + IntegrationTest.OPERATOR,
            "spring.thymeleaf.cache=false"
        })
@Import(IntegrationTest.Clocks.class)
public abstract class IntegrationTest {

    /** A CC0 IP-to-country database the build installs from npm. */
    public static final String IP_COUNTRIES =
            "src/test/node/node_modules/@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb";

    /** The platform operator's sign-in email; PlansTest signs them up. */
    public static final String OPERATOR = "operator@platform.test";

    public static final String MASTER_KEY = "b3Blbmt5Yy10ZXN0cy1tYXN0ZXIta2V5LTMyLWJ5dGU=";

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected Api api() {
        return new Api("http://localhost:" + port);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
