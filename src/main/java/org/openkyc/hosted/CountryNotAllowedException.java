package org.openkyc.hosted;

import org.openkyc.core.OpenKycException;
import org.springframework.http.HttpStatus;

/** The applicant's address is in a country the flow does not take. */
public class CountryNotAllowedException extends OpenKycException {

    public CountryNotAllowedException(String country) {
        super("This verification is not available from " + country + ".");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    public String problemSlug() {
        return "country-not-allowed";
    }

    @Override
    public String title() {
        return "Country not allowed";
    }
}
