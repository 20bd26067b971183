package org.openkyc.screening;

import java.util.List;
import java.util.Map;
import org.openkyc.core.OpenKycException;
import org.springframework.http.HttpStatus;

/**
 * Screening cannot run: a list it needs is not loaded or is too old. Answered instead of results, because "no match"
 * against lists that are not there would be a lie.
 */
public class ScreeningUnavailableException extends OpenKycException {

    private final List<String> missing;

    public ScreeningUnavailableException(List<String> missing) {
        super("Screening is unavailable: " + String.join("; ", missing)
                + ". Load current lists (Screening lists page, POST /api/v1/screening/lists/imports, or"
                + " java -jar openkyc.jar lists import) and try again.");
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    @Override
    public String problemSlug() {
        return "screening-unavailable";
    }

    @Override
    public String title() {
        return "Screening unavailable";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("missing", missing);
    }
}
