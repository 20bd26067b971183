package org.openkyc.hosted;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.LinkSession;
import org.openkyc.applicants.StepState;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.ConflictException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.geo.IpCountries;
import org.openkyc.core.geo.IpIntelligence;
import org.openkyc.core.mail.Mail;
import org.openkyc.core.mail.Mailer;
import org.openkyc.core.web.ClientInfo;
import org.openkyc.flows.definition.FlowDefinition;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.flows.definition.StepType;
import org.openkyc.hosted.OneTimeCodes.Channel;
import org.openkyc.hosted.wallet.WalletSignatures;
import org.openkyc.media.MediaItem;
import org.openkyc.media.MediaLibrary;
import org.openkyc.media.UploadChecks;
import org.openkyc.screening.WalletScreening;
import org.openkyc.tenancy.ApplicationManagement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The hosted flow behind an access link. Where the applicant stands is worked out from the applicant's state on
 * the server every time, so any link of theirs, on any device, resumes at the same step. Every action is safe to
 * repeat: starting twice starts once, a verified address stays verified, finishing twice finishes once.
 */
@Service
public class HostedFlow {

    private static final Set<UploadChecks.Kind> IMAGES = Set.of(UploadChecks.Kind.JPEG, UploadChecks.Kind.PNG);
    private static final Set<UploadChecks.Kind> IMAGES_AND_PDF =
            Set.of(UploadChecks.Kind.JPEG, UploadChecks.Kind.PNG, UploadChecks.Kind.PDF);

    /** The languages every applicant-facing text exists in; the first is the default. */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");

    private final ApplicantManagement applicants;
    private final ApplicationManagement applications;
    private final OneTimeCodes codes;
    private final Mailer mailer;
    private final PhoneGateway phones;
    private final HlrLookup hlr;
    private final WalletChallenges wallets;
    private final IpCountries ipCountries;
    private final IpIntelligence ipIntelligence;
    private final DisposableDomains disposable;
    private final MailDomains mailDomains;
    private final MediaLibrary media;
    private final WalletScreening walletScreening;
    private final HostedScreening screening;
    private final HostedFaceMatch faceMatch;
    private final MessageSource messages;

    HostedFlow(
            ApplicantManagement applicants,
            ApplicationManagement applications,
            OneTimeCodes codes,
            Mailer mailer,
            PhoneGateway phones,
            HlrLookup hlr,
            WalletChallenges wallets,
            IpCountries ipCountries,
            IpIntelligence ipIntelligence,
            DisposableDomains disposable,
            MailDomains mailDomains,
            MediaLibrary media,
            WalletScreening walletScreening,
            HostedScreening screening,
            HostedFaceMatch faceMatch,
            MessageSource messages) {
        this.applicants = applicants;
        this.applications = applications;
        this.codes = codes;
        this.mailer = mailer;
        this.phones = phones;
        this.hlr = hlr;
        this.wallets = wallets;
        this.ipCountries = ipCountries;
        this.ipIntelligence = ipIntelligence;
        this.disposable = disposable;
        this.mailDomains = mailDomains;
        this.media = media;
        this.walletScreening = walletScreening;
        this.screening = screening;
        this.faceMatch = faceMatch;
        this.messages = messages;
    }

    /** What the applicant sees now. */
    public record Screen(
            LinkSession session,
            Locale locale,
            StepType step,
            StepSettings settings,
            int number,
            int count,
            boolean finished,
            @Nullable PendingCode code,
            @Nullable String blockedCountry) {

        public FlowDefinition flow() {
            return session.flow().definition();
        }
    }

    /** The token's state and, when the link is open, the screen. */
    public record Opened(LinkSession.State state, @Nullable Screen screen, Locale locale) {}

    public Opened open(String token, ClientInfo client) {
        LinkSession.Lookup lookup = applicants.openLink(token);
        LinkSession session = lookup.session();
        if (session == null) {
            return new Opened(lookup.state(), null, locale(lookup.lang()));
        }
        String blocked = session.status() == ApplicantStatus.INIT ? blocked(session, country(client.ip(), null)) : null;
        Screen screen = screen(session, blocked);
        // The AML and face match steps have nothing for the applicant to do: they run as the applicant reaches them.
        for (int run = 0;
                run < screen.count()
                        && (screen.step() == StepType.AML || screen.step() == StepType.FACE_MATCH)
                        && !screen.finished();
                run++) {
            if (screen.step() == StepType.AML) {
                screening.screen(session);
            } else {
                faceMatch.match(session);
            }
            session = session(token);
            screen = screen(session, null);
        }
        return new Opened(lookup.state(), screen, locale(session.lang()));
    }

    /**
     * The applicant pressed Start on the intro. An address in a country the flow does not take is refused; an
     * address whose country cannot be told lets the applicant go on, with a warning for the reviewer.
     */
    public void start(String token, ClientInfo client) {
        LinkSession session = session(token);
        IpIntelligence.Report address = ipIntelligence.lookup(client.ip());
        String country = country(client.ip(), address);
        if (blocked(session, country) != null) {
            throw new CountryNotAllowedException(String.valueOf(country));
        }
        applicants.applicantStarted(
                session.applicantId(),
                client,
                country,
                address.asMap(),
                session.flow().definition().countries().restricted());
    }

    /** The country of an address: by the country database, else by the city database of the IP intelligence. */
    @Nullable
    String country(@Nullable String ip, IpIntelligence.@Nullable Report known) {
        return ipCountries
                .country(ip)
                .orElseGet(() -> (known != null ? known : ipIntelligence.lookup(ip)).countryCode());
    }

    /** The country that keeps an applicant who has not started yet from starting, if any. */
    private static @Nullable String blocked(LinkSession session, @Nullable String country) {
        return session.status() == ApplicantStatus.INIT
                        && country != null
                        && !session.flow().definition().countries().allows(country)
                ? country
                : null;
    }

    /** Sends a code to the address the applicant typed. */
    public PendingCode sendEmailCode(String token, String email) {
        LinkSession session = session(token);
        StepSettings.Email settings = settings(session, StepType.EMAIL, StepSettings.Email.class);
        String address = checkedEmail(email);
        String domain = address.substring(address.lastIndexOf('@') + 1);
        if (disposable.disposable(domain)) {
            throw InvalidInputException.of("email", "disposable", "is a throw-away mailbox; use an address you keep");
        }
        MailDomains.Verdict verdict = mailDomains.check(domain);
        if (verdict == MailDomains.Verdict.NO_SUCH_DOMAIN || verdict == MailDomains.Verdict.NO_MAIL) {
            throw InvalidInputException.of("email", "domain", "its domain does not receive mail");
        }
        Locale locale = locale(session.lang());
        return codes.send(
                session.applicantId(),
                Channel.EMAIL,
                address,
                settings.attempts(),
                code -> mailer.send(new Mail(
                        address,
                        messages.getMessage("hosted.email.mailSubject", null, locale),
                        messages.getMessage(
                                "hosted.email.mailBody",
                                new Object[] {code, OneTimeCodes.LIFETIME.toMinutes()},
                                locale))));
    }

    /** Checks the code; a right one passes the email step. */
    public CodeCheck verifyEmailCode(String token, String code, ClientInfo client) {
        LinkSession session = session(token);
        if (done(session, StepType.EMAIL)) {
            return CodeCheck.VERIFIED;
        }
        PendingCode pending = codes.pending(session.applicantId(), Channel.EMAIL);
        CodeCheck check = codes.check(session.applicantId(), Channel.EMAIL, code);
        if (check == CodeCheck.VERIFIED && pending != null) {
            applicants.emailVerified(
                    session.applicantId(), pending.sentTo(), "verified" + mailDomains.note(pending.sentTo()), client);
        }
        return check;
    }

    /** Sends a code by SMS or call, as the flow says, to the number the applicant typed. */
    public PendingCode sendPhoneCode(String token, String number) {
        LinkSession session = session(token);
        StepSettings.Phone settings = settings(session, StepType.PHONE, StepSettings.Phone.class);
        PhoneNumbers.Checked checked = PhoneNumbers.check(number, session.country(), settings.channel());
        Locale locale = locale(session.lang());
        return codes.send(
                session.applicantId(),
                Channel.PHONE,
                checked.e164(),
                settings.attempts(),
                code -> phones.send(
                        checked.e164(),
                        messages.getMessage(
                                "hosted.phone.message",
                                new Object[] {spaced(code), OneTimeCodes.LIFETIME.toMinutes()},
                                locale),
                        settings.channel()));
    }

    /** Checks the code; a right one passes the phone step (after the HLR lookup when the flow asks for it). */
    public CodeCheck verifyPhoneCode(String token, String code, ClientInfo client) {
        LinkSession session = session(token);
        if (done(session, StepType.PHONE)) {
            return CodeCheck.VERIFIED;
        }
        StepSettings.Phone settings = settings(session, StepType.PHONE, StepSettings.Phone.class);
        PendingCode pending = codes.pending(session.applicantId(), Channel.PHONE);
        CodeCheck check = codes.check(session.applicantId(), Channel.PHONE, code);
        if (check == CodeCheck.VERIFIED && pending != null) {
            PhoneNumbers.Checked checked = PhoneNumbers.check(pending.sentTo(), null, settings.channel());
            String result = "verified by " + settings.channel().name().toLowerCase(Locale.ROOT) + "; " + checked.type()
                    + " in " + checked.region();
            if (settings.hlr()) {
                HlrLookup.Result answer = hlr.lookup(checked.e164());
                result += "; HLR " + (answer.live() == null ? "unknown" : answer.live() ? "live" : "not live") + " ("
                        + answer.source() + ")";
            }
            applicants.phoneVerified(session.applicantId(), checked.e164(), result, client);
        }
        return check;
    }

    /** Prepares the message the applicant signs for an address of one of the flow's networks. */
    public Challenge walletChallenge(String token, String network, String address) {
        LinkSession session = session(token);
        StepSettings.CryptoWallet settings = settings(session, StepType.CRYPTO_WALLET, StepSettings.CryptoWallet.class);
        StepSettings.Network chosen = network(settings, network);
        String canonical;
        try {
            canonical = WalletSignatures.normalise(chosen, address);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("address", "address", String.valueOf(e.getMessage()));
        }
        return wallets.issue(session.applicantId(), chosen, canonical);
    }

    /** The message waiting for the applicant's signature, if any. */
    public @Nullable Challenge pendingWallet(LinkSession session) {
        return wallets.latest(session.applicantId());
    }

    /**
     * Checks the signature over the applicant's latest message; a good one passes the wallet step. A flow that does not
     * ask for proof of ownership takes the address as given ({@code signature} may then be empty).
     */
    public WalletOutcome verifyWallet(String token, String signature, ClientInfo client) {
        LinkSession session = session(token);
        if (taken(session, StepType.CRYPTO_WALLET)) {
            return WalletOutcome.VERIFIED;
        }
        StepSettings.CryptoWallet settings = settings(session, StepType.CRYPTO_WALLET, StepSettings.CryptoWallet.class);
        if (!settings.ownership()) {
            Challenge pending = wallets.latest(session.applicantId());
            if (pending == null) {
                return WalletOutcome.NONE;
            }
            walletVerified(session, settings, pending, false, client);
            return WalletOutcome.VERIFIED;
        }
        WalletChallenges.Verified verified = wallets.verify(session.applicantId(), signature);
        Challenge challenge = verified.challenge();
        if (verified.outcome() == WalletChallenges.Outcome.VERIFIED && challenge != null) {
            walletVerified(session, settings, challenge, true, client);
        }
        return WalletOutcome.valueOf(verified.outcome().name());
    }

    /** Records the address, screened against the lists when the flow asks for wallet AML. */
    private void walletVerified(
            LinkSession session,
            StepSettings.CryptoWallet settings,
            Challenge challenge,
            boolean proven,
            ClientInfo client) {
        ApplicantManagement.WalletAml aml = null;
        if (settings.walletAml()) {
            WalletScreening.WalletRisk risk =
                    walletScreening.assess(challenge.network().name(), challenge.address());
            boolean unknownPasses = risk.verdict() == WalletScreening.Verdict.UNKNOWN
                    && settings.unknownWallet() == StepSettings.UnknownWallet.ACCEPT;
            aml = new ApplicantManagement.WalletAml(risk.score(), risk.clear() || unknownPasses, risk.summary());
        }
        applicants.walletVerified(
                session.applicantId(), challenge.network().name(), challenge.address(), proven, aml, client);
    }

    private static StepSettings.Network network(StepSettings.CryptoWallet settings, String network) {
        for (StepSettings.Network candidate : settings.networks()) {
            if (candidate.name().equalsIgnoreCase(network.strip())) {
                return candidate;
            }
        }
        throw InvalidInputException.of("network", "network", "must be one of " + settings.networks());
    }

    /** What an upload is for, the step that takes it, and the kinds of file it may be. */
    public enum Purpose {
        DOCUMENT_FRONT(Set.of(StepType.DOCUMENT), IMAGES),
        DOCUMENT_BACK(Set.of(StepType.DOCUMENT), IMAGES),
        SELFIE(Set.of(StepType.SELFIE_WITH_DOCUMENT, StepType.LIVENESS), IMAGES),
        PROOF_OF_ADDRESS(Set.of(StepType.PROOF_OF_ADDRESS), IMAGES_AND_PDF);

        private final Set<StepType> steps;
        private final Set<UploadChecks.Kind> kinds;

        Purpose(Set<StepType> steps, Set<UploadChecks.Kind> kinds) {
            this.steps = steps;
            this.kinds = kinds;
        }
    }

    /**
     * Takes an upload for a step of the applicant's flow: checked by content, re-encoded, stored encrypted. Files are
     * taken only while the applicant is still going through the flow.
     */
    public MediaItem upload(String token, String purpose, byte[] data) {
        LinkSession session = session(token);
        Purpose chosen;
        try {
            chosen = Purpose.valueOf(purpose.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("purpose", "purpose", "must be one of " + List.of(Purpose.values()));
        }
        if (session.flow().definition().stepTypes().stream().noneMatch(chosen.steps::contains)) {
            throw InvalidInputException.of("purpose", "notInFlow", "no step of this flow takes this upload");
        }
        if (session.status() != ApplicantStatus.INCOMPLETE) {
            throw new ConflictException("Uploads are taken while the applicant goes through the flow.");
        }
        return media.store(session.companyId(), session.applicantId().value(), chosen.name(), data, chosen.kinds);
    }

    /** The applicant finished their part. */
    public void finish(String token, ClientInfo client) {
        applicants.applicantFinished(session(token).applicantId(), client);
    }

    /** The public key of the application the applicant belongs to, which the web SDK hands to its callbacks. */
    public String appKey(LinkSession session) {
        return applications.appKey(session.applicationId()).orElse("");
    }

    /** Where the application sends applicants once they are done, if it says. */
    public Optional<String> redirectUrl(LinkSession session) {
        return applications.redirectUrl(session.applicationId());
    }

    private Screen screen(LinkSession session, @Nullable String blockedCountry) {
        List<FlowDefinition.Step> steps = session.flow().definition().steps();
        boolean finished = session.status() != ApplicantStatus.INIT && session.status() != ApplicantStatus.INCOMPLETE;
        FlowDefinition.Step current;
        if (session.status() == ApplicantStatus.INIT) {
            current = steps.getFirst();
        } else if (finished) {
            current = steps.getLast();
        } else {
            current = steps.stream()
                    .filter(s -> s.type() != StepType.INTRO && s.type() != StepType.THANK_YOU)
                    .filter(s -> !taken(session, s.type()))
                    .findFirst()
                    .orElse(steps.getLast());
        }
        PendingCode pending = switch (current.type()) {
            case EMAIL -> codes.pending(session.applicantId(), Channel.EMAIL);
            case PHONE -> codes.pending(session.applicantId(), Channel.PHONE);
            default -> null;
        };
        return new Screen(
                session,
                locale(session.lang()),
                current.type(),
                current.config(),
                steps.indexOf(current) + 1,
                steps.size(),
                finished,
                pending,
                blockedCountry);
    }

    LinkSession session(String token) {
        LinkSession.Lookup lookup = applicants.openLink(token);
        if (lookup.session() == null) {
            throw new NotFoundException("This link is unknown, expired or revoked.");
        }
        return lookup.session();
    }

    /** Whether the applicant has done their part of a step, passed or waiting for a person. */
    private static boolean taken(LinkSession session, StepType type) {
        return session.steps().stream()
                .anyMatch(s -> s.type() == type
                        && (s.status() == StepState.StepStatus.PASSED || s.status() == StepState.StepStatus.SUBMITTED));
    }

    private static boolean done(LinkSession session, StepType type) {
        return session.steps().stream().anyMatch(s -> s.type() == type && s.status() == StepState.StepStatus.PASSED);
    }

    static <T extends StepSettings> T settings(LinkSession session, StepType type, Class<T> kind) {
        return session.flow().definition().steps().stream()
                .filter(s -> s.type() == type)
                .map(s -> kind.cast(s.config()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("This flow has no such step."));
    }

    /** A well-formed address with a domain that has a dot; the domain is kept in lower case. */
    static String checkedEmail(String email) {
        String trimmed = email.strip();
        try {
            InternetAddress address = new InternetAddress(trimmed, true);
            String value = address.getAddress();
            int at = value.lastIndexOf('@');
            if (at < 1 || !value.substring(at + 1).contains(".") || value.length() > 254) {
                throw new AddressException("no domain");
            }
            return value.substring(0, at) + "@" + value.substring(at + 1).toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw InvalidInputException.of("email", "email", "is not a valid email address");
        }
    }

    /** "123456" as "1 2 3 4 5 6", so a voice reads digits rather than a number. */
    private static String spaced(String code) {
        return String.join(" ", code.split(""));
    }

    static Locale locale(String lang) {
        String language = lang.length() >= 2 ? lang.substring(0, 2) : lang;
        return Locale.forLanguageTag(LANGUAGES.contains(language) ? language : LANGUAGES.getFirst());
    }
}
