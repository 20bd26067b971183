package org.openkyc.core;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Input that fails a rule; each broken rule names its field. */
public class InvalidInputException extends OpenKycException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("Invalid input."));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String code, String message) {
        return new InvalidInputException(List.of(new FieldError(field, code, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    public String problemSlug() {
        return "invalid-input";
    }

    @Override
    public String title() {
        return "Invalid input";
    }

    /**
     * One broken rule: the field (JSON property path), a stable code for the rule (pages translate it as
     * {@code problem.<code>}) and an English explanation.
     */
    public record FieldError(String field, String code, String message) {}
}
