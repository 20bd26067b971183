package org.openkyc.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.CommunicationException;
import javax.naming.NameNotFoundException;
import org.junit.jupiter.api.Test;
import org.openkyc.support.TestClock;

/** How DNS answers decide whether a domain receives mail. DNS itself is the outside service answered here. */
class MailDomainsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

    private static MailDomains answering(Map<String, List<String>> records) {
        return new MailDomains(
                true,
                (name, type) -> {
                    if (name.equals("missing.test")) {
                        throw new NameNotFoundException(name);
                    }
                    if (name.equals("offline.test")) {
                        throw new CommunicationException("no answer");
                    }
                    if (name.equals(MailDomains.PROBE) && type.equals("NS")) {
                        return List.of("a.gtld-servers.net.");
                    }
                    return records.getOrDefault(name + " " + type, List.of());
                },
                CLOCK);
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
        assertThat(dns.check("bare.test"))
                .as("no records at all is no definite answer")
                .isEqualTo(MailDomains.Verdict.UNKNOWN);
        assertThat(dns.check("missing.test")).isEqualTo(MailDomains.Verdict.NO_SUCH_DOMAIN);
        assertThat(dns.check("offline.test")).as("not judged without DNS").isEqualTo(MailDomains.Verdict.UNKNOWN);
        assertThat(dns.readiness().ready()).isTrue();
    }

    @Test
    void aResolverThatDeniesEveryNameRefusesNobody() {
        // what a network without public DNS does: every name, gmail.com included, "does not exist"
        MailDomains dns = new MailDomains(
                true,
                (name, type) -> {
                    throw new NameNotFoundException(name);
                },
                CLOCK);
        assertThat(dns.check("gmail.com")).isEqualTo(MailDomains.Verdict.UNKNOWN);
        assertThat(dns.readiness().ready()).isFalse();
        assertThat(dns.readiness().reason()).contains("no address is refused");
        assertThat(dns.note("someone@gmail.com"))
                .as("the reviewer reads in the email step's result that the domain was not checked")
                .startsWith("; mail domain not checked: ")
                .contains("no address is refused");
    }

    @Test
    void aJudgedDomainNeedsNoNoteAndAnUnjudgedOneSaysWhy() {
        MailDomains dns = answering(Map.of("mail.test MX", List.of("10 mx1.mail.test.")));
        assertThat(dns.note("a@mail.test")).isEmpty();
        assertThat(dns.note("a@bare.test")).isEqualTo("; mail domain not checked: DNS gave no records for bare.test");
    }

    @Test
    void anUnreachableResolverRefusesNobodyAndIsAskedOnceAMinute() {
        AtomicInteger asked = new AtomicInteger();
        TestClock clock = new TestClock();
        MailDomains dns = new MailDomains(
                true,
                (name, type) -> {
                    asked.incrementAndGet();
                    throw new CommunicationException("connect timed out");
                },
                clock);
        assertThat(dns.check("gmail.com")).isEqualTo(MailDomains.Verdict.UNKNOWN);
        assertThat(dns.readiness().ready()).isFalse();
        assertThat(dns.readiness().reason()).contains("does not answer");
        int once = asked.get();
        dns.readiness();
        assertThat(asked.get()).as("the answer is kept").isEqualTo(once);
        clock.advance(Duration.ofMinutes(1));
        dns.readiness();
        assertThat(asked.get()).as("and asked again a minute later").isEqualTo(once + 1);
    }

    @Test
    void switchedOffNothingIsJudged() {
        MailDomains off = new MailDomains(
                false,
                (name, type) -> {
                    throw new NameNotFoundException(name);
                },
                CLOCK);
        assertThat(off.check("missing.test")).isEqualTo(MailDomains.Verdict.UNKNOWN);
        assertThat(off.readiness().ready()).isFalse();
        assertThat(off.readiness().reason()).contains("openkyc.email.check-mx=false");
    }
}
