package org.openkyc.tenancy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person's own editable data and interface language. */
public record AccountDetails(
        @NotBlank @Size(max = 200) String fullName,
        @Size(max = 40) String phone,
        @Size(max = 100) String position,

        @Pattern(regexp = "en|de", message = "must be one of en, de")
        String language) {

    public AccountDetails {
        fullName = fullName == null ? "" : fullName.strip();
        phone = phone == null ? "" : phone.strip();
        position = position == null ? "" : position.strip();
        language = language == null || language.isBlank() ? "en" : language.strip();
    }
}
