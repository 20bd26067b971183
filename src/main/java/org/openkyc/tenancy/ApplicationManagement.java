package org.openkyc.tenancy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.ForbiddenException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.InvalidInputException.FieldError;
import org.openkyc.core.Mode;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.core.crypto.PayloadCipher;
import org.openkyc.tenancy.TenancyEvents.ApplicationCreated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Integration applications of the actor's company in the actor's mode, and their keys. */
@Service
public class ApplicationManagement {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What roles without the keys permission see instead of custom header values, which often carry the
     * receiver's credentials. Sent back unchanged, it keeps the stored value.
     */
    static final String HIDDEN_VALUE = "********";

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "host",
            "content-length",
            "content-type",
            "transfer-encoding",
            "connection",
            "webhook-id",
            "webhook-timestamp",
            "webhook-signature");

    private final Applications applications;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApplicationManagement(Applications applications, Secrets secrets, ApplicationEventPublisher events, Clock clock) {
        this.applications = applications;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    public List<ApplicationView> applications(Actor actor) {
        actor.require(Permission.APPLICATIONS);
        return applications.findByCompanyIdAndModeOrderByCreatedAt(actor.companyId(), actor.mode()).stream()
                .map(application -> view(actor, application))
                .toList();
    }

    public ApplicationView application(Actor actor, ApplicationId id) {
        actor.require(Permission.APPLICATIONS);
        return view(actor, load(actor, id));
    }

    /** The application a private key belongs to, for integrators checking their set-up. */
    public ApplicationView current(Actor actor) {
        ApplicationId id = actor.requireApplication();
        return view(
                actor,
                applications
                        .findByIdAndCompanyIdAndMode(id, actor.companyId(), actor.mode())
                        .orElseThrow());
    }

    /**
     * The application of this company and mode named {@code wanted}, or its default application when none is
     * named; empty when there is no such application. For modules that act on behalf of an application.
     */
    public Optional<ApplicationId> applicationIn(CompanyId company, Mode mode, @Nullable ApplicationId wanted) {
        return applications.findByCompanyIdAndModeOrderByCreatedAt(company, mode).stream()
                .filter(a -> wanted == null ? a.isDefault() : a.id().equals(wanted))
                .map(Application::id)
                .findFirst();
    }

    /** The names of a company's applications in a mode, the default first, for choosing one. */
    public Map<ApplicationId, String> applicationNames(CompanyId company, Mode mode) {
        Map<ApplicationId, String> names = new LinkedHashMap<>();
        applications.findByCompanyIdAndModeOrderByCreatedAt(company, mode).stream()
                .sorted((a, b) -> Boolean.compare(b.isDefault(), a.isDefault()))
                .forEach(a -> names.put(a.id(), a.name()));
        return names;
    }

    /**
     * Where and how an application's webhooks are sent, for the module that delivers them; empty when the
     * application no longer exists.
     */
    public Optional<WebhookTarget> webhookTarget(ApplicationId id) {
        return applications
                .findById(id)
                .map(application -> new WebhookTarget(
                        application.id(),
                        application.companyId(),
                        application.mode(),
                        application.appKey(),
                        application.webhookUrl(),
                        view(application).webhookHeaders(),
                        PayloadCipher.fromBase64(application.cryptoKey(secrets)),
                        application.signingSecrets(secrets, clock.instant())));
    }

    /** Where applicants return after the hosted flow, if the application names a place. */
    public Optional<String> redirectUrl(ApplicationId id) {
        return applications.findById(id).map(a -> view(a).redirectUrl());
    }

    /** Where an application's webhooks go, without opening its secrets: for recording events. */
    public Optional<WebhookEndpoint> webhookEndpoint(ApplicationId id) {
        return applications
                .findById(id)
                .map(application -> new WebhookEndpoint(
                        application.id(),
                        application.companyId(),
                        application.mode(),
                        application.appKey(),
                        application.webhookUrl()));
    }

    /** The public app key of an application, which webhook events name. */
    public Optional<String> appKey(ApplicationId id) {
        return applications.findById(id).map(Application::appKey);
    }

    @Transactional
    public ApplicationView create(Actor actor, ApplicationDraft draft) {
        actor.require(Permission.APPLICATIONS);
        if (draft.name() == null || draft.name().isBlank()) {
            throw InvalidInputException.of("name", "NotBlank", "must not be blank");
        }
        boolean first = applications
                .findByCompanyIdAndModeOrderByCreatedAt(actor.companyId(), actor.mode())
                .isEmpty();
        Instant now = clock.instant();
        Application application =
                new Application(actor.companyId(), actor.mode(), draft.name().strip(), "", first, secrets, now);
        apply(actor, application, draft, now);
        applications.save(application);
        events.publishEvent(new ApplicationCreated(application.id(), actor.companyId(), actor.mode(), first));
        return view(actor, application);
    }

    @Transactional
    public ApplicationView update(Actor actor, ApplicationId id, ApplicationDraft draft) {
        actor.require(Permission.APPLICATIONS);
        Application application = load(actor, id);
        apply(actor, application, draft, clock.instant());
        return view(actor, applications.save(application));
    }

    public ApplicationKeys keys(Actor actor, ApplicationId id) {
        actor.require(Permission.APPLICATION_KEYS);
        return load(actor, id).keys(secrets);
    }

    /** Replaces one key; the old one stops working at once. */
    @Transactional
    public ApplicationKeys rotate(Actor actor, ApplicationId id, ApplicationKey key) {
        actor.require(Permission.APPLICATION_KEYS);
        Application application = load(actor, id);
        application.rotate(key, secrets, clock.instant());
        return applications.save(application).keys(secrets);
    }

    private Application load(Actor actor, ApplicationId id) {
        return applications
                .findByIdAndCompanyIdAndMode(id, actor.companyId(), actor.mode())
                .orElseThrow(() -> new NotFoundException("No such application."));
    }

    private static void apply(Actor actor, Application application, ApplicationDraft draft, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String name = draft.name() == null ? application.name() : draft.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "NotBlank", "must not be blank"));
        }
        ApplicationView current = view(application);
        Map<String, String> stored = current.webhookHeaders();
        String webhookUrl =
                draft.webhookUrl() == null ? current.webhookUrl() : url("webhookUrl", draft.webhookUrl(), errors);
        String redirectUrl =
                draft.redirectUrl() == null ? current.redirectUrl() : url("redirectUrl", draft.redirectUrl(), errors);
        Map<String, String> headers =
                draft.webhookHeaders() == null ? stored : headers(draft.webhookHeaders(), stored, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!actor.can(Permission.APPLICATION_KEYS)
                && !stored.isEmpty()
                && !java.util.Objects.equals(webhookUrl, current.webhookUrl())) {
            // The stored header values would follow the webhooks to the new address.
            throw new ForbiddenException("Changing the webhook URL of an application with custom headers needs the"
                    + " application keys permission.");
        }
        application.update(
                name,
                draft.description() == null
                        ? current.description()
                        : draft.description().strip(),
                webhookUrl,
                JSON.writeValueAsString(headers),
                redirectUrl,
                now);
    }

    private static @Nullable String url(String field, String value, List<FieldError> errors) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            URI uri = URI.create(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http"))
                    && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return trimmed;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError(field, "url", "must be an absolute http or https URL without credentials"));
        return null;
    }

    private static Map<String, String> headers(
            Map<String, String> headers, Map<String, String> stored, List<FieldError> errors) {
        Map<String, String> clean = new LinkedHashMap<>();
        if (headers.size() > 20) {
            errors.add(new FieldError("webhookHeaders", "tooManyHeaders", "at most 20 headers"));
        }
        headers.forEach((name, value) -> {
            String field = "webhookHeaders." + name;
            if (!HEADER_NAME.matcher(name).matches() || RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(field, "headerName", "is not an allowed header name"));
            } else if (value == null
                    || value.isEmpty()
                    || value.length() > 1000
                    || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                errors.add(new FieldError(field, "headerValue", "must be up to 1000 printable characters"));
            } else {
                clean.put(name, value.equals(HIDDEN_VALUE) && stored.containsKey(name) ? stored.get(name) : value);
            }
        });
        return clean;
    }

    /** The view for this actor: header values only for roles that may see keys. */
    private static ApplicationView view(Actor actor, Application application) {
        ApplicationView view = view(application);
        if (actor.can(Permission.APPLICATION_KEYS)) {
            return view;
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        view.webhookHeaders().keySet().forEach(name -> hidden.put(name, HIDDEN_VALUE));
        return view.withWebhookHeaders(hidden);
    }

    private static ApplicationView view(Application application) {
        Map<String, String> headers =
                JSON.readValue(application.webhookHeadersJson(), new TypeReference<Map<String, String>>() {});
        return application.view(headers);
    }
}
