package org.openkyc.hosted;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.InitialDirContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether an email domain can receive mail, asked of DNS: a domain that does not exist, or that publishes the
 * "null MX" of RFC 7505, cannot; one with MX records, or with only an address record (the implicit MX of RFC 5321),
 * can. When DNS does not answer in time the domain is not judged. {@code openkyc.email.check-mx=false} switches the
 * check off (for networks without public DNS).
 */
@Component
class MailDomains {

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

    @Autowired
    MailDomains(@Value("${openkyc.email.check-mx:true}") boolean enabled) {
        this(enabled, MailDomains::lookup);
    }

    MailDomains(boolean enabled, Records dns) {
        this.enabled = enabled;
        this.dns = dns;
    }

    Verdict check(String domain) {
        if (!enabled) {
            return Verdict.UNKNOWN;
        }
        try {
            List<String> mx = dns.of(domain, "MX");
            if (!mx.isEmpty()) {
                boolean nullMx = mx.size() == 1 && mx.getFirst().strip().matches("0\\s+\\.?");
                return nullMx ? Verdict.NO_MAIL : Verdict.RECEIVES_MAIL;
            }
            if (!dns.of(domain, "A").isEmpty() || !dns.of(domain, "AAAA").isEmpty()) {
                return Verdict.RECEIVES_MAIL;
            }
            return Verdict.NO_MAIL;
        } catch (NameNotFoundException e) {
            return Verdict.NO_SUCH_DOMAIN;
        } catch (NamingException | RuntimeException e) {
            return Verdict.UNKNOWN;
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
