package org.openkyc.tenancy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.ForbiddenException;
import org.openkyc.core.security.CurrentActor;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.PlatformOperators;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Two rules of the platform around every handler. Status-only KYC: a status-only company's own users and keys reach
 * no route that shows an applicant's personal data or reviews it (their documents, media, faces, answers, timeline,
 * comments, report, screening), only the list, the status-only profile, certificates, attestations, links, deletion
 * and the archive. And the header's operator controls: the console link for operators, and which company an operator
 * is working in.
 */
@Configuration(proxyBeanMethods = false)
class PlatformInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    /** Routes under an applicant that a status-only company's own users and keys may still use. */
    private static final Pattern PERSONAL = Pattern.compile("^(?:"
            + "/api/v1/applicants/[^/]+/(?!(?:access-tokens|attestation|certificates|archive|restore)$).+"
            + "|/applicants/[^/]+/(?!(?:link|delete|restore)$).+"
            + "|/api/v1/aml(?:/.*)?|/aml(?:/.*)?)$");

    private final CompanyManagement companies;
    private final PlatformOperators operators;

    PlatformInterceptor(CompanyManagement companies, PlatformOperators operators) {
        this.companies = companies;
        this.operators = operators;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Actor actor = CurrentActor.of(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (actor != null
                && !actor.operator()
                && PERSONAL.matcher(path).matches()
                && companies.statusOnly(actor.companyId())) {
            throw new ForbiddenException("The company uses status-only KYC: applicants' personal data and reviews are"
                    + " for the platform operators.");
        }
        return true;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView page) {
        Actor actor = CurrentActor.of(request);
        if (actor == null
                || actor.kind() != Actor.Kind.USER
                || page == null
                || !page.hasView()
                || String.valueOf(page.getViewName()).startsWith("redirect:")) {
            return;
        }
        if (actor.operator()) {
            page.addObject(
                    "operatingIn", companies.view(actor.companyId()).details().name());
        } else if (actor.userId() != null && operators.isOperator(actor.userId())) {
            page.addObject("platformOperator", true);
        }
    }
}
