package org.openkyc.hosted;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.InitialDirContext;
import org.openkyc.core.checks.CachedReadiness;
import org.openkyc.core.checks.SystemCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether an email domain can receive mail, asked of DNS: a domain that does not exist, or that publishes the
 * "null MX" of RFC 7505, cannot; one with MX records, or with only an address record (the implicit MX of RFC 5321),
 * can. Only those definite answers refuse an address: a domain with no records at all, a resolver that does not
 * answer in time, or one that says every name is missing (a network without public DNS) leaves the domain unjudged.
 * Whether the resolver answers truthfully is told by asking it for the name servers of {@value #PROBE}, which exist;
 * the answer is kept a minute. {@code openkyc.email.check-mx=false} switches the check off.
 */
@Component
class MailDomains {

    private static final Logger log = LoggerFactory.getLogger(MailDomains.class);

    /** A name that always has name servers: a resolver that denies it answers nothing worth believing. */
    static final String PROBE = "com";

    /** What DNS says of a domain. */
    enum Verdict {
        RECEIVES_MAIL,
        NO_SUCH_DOMAIN,
        NO_MAIL,
        UNKNOWN
    }

    /** DNS records of one type for a name; throws {@link NameNotFoundException} for a name that does not exist. */
    interface Records {
        List<String> of(String name, String type) throws NamingException;
    }

    private final boolean enabled;
    private final Records dns;
    private final CachedReadiness resolver;

    @Autowired
    MailDomains(@Value("${openkyc.email.check-mx:true}") boolean enabled, Clock clock) {
        this(enabled, MailDomains::lookup, clock);
    }

    MailDomains(boolean enabled, Records dns, Clock clock) {
        this.enabled = enabled;
        this.dns = dns;
        this.resolver = new CachedReadiness(this::askResolver, Duration.ofMinutes(1), clock);
    }

    Verdict check(String domain) {
        if (!enabled) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = ask(domain);
        if ((verdict == Verdict.NO_SUCH_DOMAIN || verdict == Verdict.NO_MAIL)
                && !resolver.get().ready()) {
            log.info(
                    "The mail domain {} is not judged: {}",
                    domain,
                    resolver.get().reason());
            return Verdict.UNKNOWN;
        }
        return verdict;
    }

    /**
     * What a reviewer should know of an address's domain check, appended to the email step's result: nothing when DNS
     * judged the domain, else that it was not checked and why. A domain not judged never refuses the applicant.
     */
    String note(String address) {
        if (!enabled) {
            return "";
        }
        String domain = address.substring(address.lastIndexOf('@') + 1);
        if (check(domain) != Verdict.UNKNOWN) {
            return "";
        }
        SystemCheck.Readiness readiness = resolver.get();
        return "; mail domain not checked: "
                + (readiness.ready() ? "DNS gave no records for " + domain : readiness.reason());
    }

    /** Whether the resolver answers, for the {@code email-dns} check. */
    SystemCheck.Readiness readiness() {
        if (!enabled) {
            return SystemCheck.Readiness.unavailable(
                    "switched off (openkyc.email.check-mx=false): mail domains are not looked up");
        }
        return resolver.get();
    }

    private Verdict ask(String domain) {
        try {
            List<String> mx = dns.of(domain, "MX");
            if (!mx.isEmpty()) {
                boolean nullMx = mx.size() == 1 && mx.getFirst().strip().matches("0\\s+\\.?");
                return nullMx ? Verdict.NO_MAIL : Verdict.RECEIVES_MAIL;
            }
            if (!dns.of(domain, "A").isEmpty() || !dns.of(domain, "AAAA").isEmpty()) {
                return Verdict.RECEIVES_MAIL;
            }
            return Verdict.UNKNOWN;
        } catch (NameNotFoundException e) {
            return Verdict.NO_SUCH_DOMAIN;
        } catch (NamingException | RuntimeException e) {
            return Verdict.UNKNOWN;
        }
    }

    private SystemCheck.Readiness askResolver() {
        try {
            if (!dns.of(PROBE, "NS").isEmpty()) {
                return SystemCheck.Readiness.ready("the resolver answers (it names the servers of " + PROBE + ")");
            }
            return SystemCheck.Readiness.unavailable("the resolver gives no name servers for " + PROBE
                    + ": mail domains are not judged, and no address is refused for its domain");
        } catch (NamingException | RuntimeException e) {
            return SystemCheck.Readiness.unavailable("the resolver does not answer for " + PROBE + " (" + e.getMessage()
                    + "): mail domains are not judged, and no address is refused for its domain");
        }
    }

    private static List<String> lookup(String name, String type) throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "1500");
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        InitialDirContext context = new InitialDirContext(env);
        try {
            Attributes attributes = context.getAttributes(name, new String[] {type});
            Attribute attribute = attributes.get(type);
            List<String> values = new ArrayList<>();
            if (attribute != null) {
                NamingEnumeration<?> all = attribute.getAll();
                while (all.hasMore()) {
                    values.add(String.valueOf(all.next()));
                }
            }
            return values;
        } finally {
            context.close();
        }
    }
}
