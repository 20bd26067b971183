package org.openkyc.core;

import org.springframework.http.HttpStatus;

/** The company's plan does not include what was asked for, or its allowance is used up. */
public class PlanLimitException extends OpenKycException {

    public PlanLimitException(String detail) {
        super(detail);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.PAYMENT_REQUIRED;
    }

    @Override
    public String problemSlug() {
        return "plan-limit";
    }

    @Override
    public String title() {
        return "Not included in the plan";
    }
}
