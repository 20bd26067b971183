package org.openkyc.tenancy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The editable part of a company's settings. */
public record CompanyDetails(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) String address,
        @Size(max = 40) String phone,
        @Email @Size(max = 254) String email,
        @Size(max = 200) String contact,
        @Size(max = 2000) String info) {

    public CompanyDetails {
        name = name == null ? "" : name.strip();
        address = address == null ? "" : address.strip();
        phone = phone == null ? "" : phone.strip();
        email = email == null ? "" : email.strip();
        contact = contact == null ? "" : contact.strip();
        info = info == null ? "" : info.strip();
    }
}
