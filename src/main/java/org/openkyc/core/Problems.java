package org.openkyc.core;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problems with OpenKYC's stable type URIs. */
public final class Problems {

    /** Every problem type URI starts with this. */
    public static final String TYPE_BASE = "https://openkyc.org/problems/";

    private Problems() {}

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail of(OpenKycException e) {
        ProblemDetail problem = of(e.status(), e.problemSlug(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        if (e instanceof InvalidInputException invalid) {
            problem.setProperty("errors", invalid.errors());
        }
        return problem;
    }

    /** The slug for a plain HTTP status, used where the framework raised the error. */
    public static String slugFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> status.is5xxServerError() ? "server-error" : "http-" + status.value();
        };
    }
}
