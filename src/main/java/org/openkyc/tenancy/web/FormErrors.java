package org.openkyc.tenancy.web;

import org.openkyc.core.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Puts broken domain rules on a page's form, translated through the {@code problem.<code>} messages. */
final class FormErrors {

    private FormErrors() {}

    static void addTo(BindingResult form, InvalidInputException e) {
        for (InvalidInputException.FieldError error : e.errors()) {
            String field = error.field();
            if (hasComponent(form, field)) {
                form.rejectValue(field, "problem." + error.code(), error.message());
            } else {
                form.reject("problem." + error.code(), error.message());
            }
        }
    }

    private static boolean hasComponent(BindingResult form, String field) {
        Object target = form.getTarget();
        if (target == null || !target.getClass().isRecord()) {
            return false;
        }
        for (var component : target.getClass().getRecordComponents()) {
            if (component.getName().equals(field)) {
                return true;
            }
        }
        return false;
    }
}
