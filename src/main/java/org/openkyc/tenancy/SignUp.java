package org.openkyc.tenancy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a new customer enters to open an OpenKYC account. */
public record SignUp(
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Size(max = 200) String companyName,
        @NotBlank @Size(max = 40) String phone,
        @NotBlank @Size(max = 100) String position,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 128) String password) {

    public SignUp {
        fullName = fullName == null ? "" : fullName.strip();
        companyName = companyName == null ? "" : companyName.strip();
        phone = phone == null ? "" : phone.strip();
        position = position == null ? "" : position.strip();
        email = email == null ? "" : email.strip();
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "SignUp[email=" + email + ", companyName=" + companyName + "]";
    }
}
