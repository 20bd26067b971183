package org.openkyc.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.naming.CommunicationException;
import javax.naming.NameNotFoundException;
import org.junit.jupiter.api.Test;

/** How DNS answers decide whether a domain receives mail. DNS itself is the outside service answered here. */
class MailDomainsTest {

    private static MailDomains answering(Map<String, List<String>> records) {
        return new MailDomains(true, (name, type) -> {
            if (name.equals("missing.test")) {
                throw new NameNotFoundException(name);
            }
            if (name.equals("offline.test")) {
                throw new CommunicationException("no answer");
            }
            return records.getOrDefault(name + " " + type, List.of());
        });
    }

    @Test
    void domainsAreJudgedByTheirRecords() {
        MailDomains dns = answering(Map.of(
                "mail.test MX", List.of("10 mx1.mail.test.", "20 mx2.mail.test."),
                "nullmx.test MX", List.of("0 ."),
                "webonly.test A", List.of("192.0.2.10")));
        assertThat(dns.check("mail.test")).isEqualTo(MailDomains.Verdict.RECEIVES_MAIL);
        assertThat(dns.check("nullmx.test")).as("RFC 7505").isEqualTo(MailDomains.Verdict.NO_MAIL);
        assertThat(dns.check("webonly.test")).as("implicit MX").isEqualTo(MailDomains.Verdict.RECEIVES_MAIL);
        assertThat(dns.check("bare.test")).isEqualTo(MailDomains.Verdict.NO_MAIL);
        assertThat(dns.check("missing.test")).isEqualTo(MailDomains.Verdict.NO_SUCH_DOMAIN);
        assertThat(dns.check("offline.test")).as("not judged without DNS").isEqualTo(MailDomains.Verdict.UNKNOWN);
    }

    @Test
    void switchedOffNothingIsJudged() {
        assertThat(new MailDomains(false, (name, type) -> {
                            throw new NameNotFoundException(name);
                        })
                        .check("missing.test"))
                .isEqualTo(MailDomains.Verdict.UNKNOWN);
    }
}
