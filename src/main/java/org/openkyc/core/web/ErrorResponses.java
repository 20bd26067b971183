package org.openkyc.core.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openkyc.core.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

/**
 * Errors that happen before any controller is chosen (an unknown path, a method a path does not support) still
 * answer {@code /api} and {@code /sdk} callers with an RFC 9457 problem; pages get the error page as before.
 */
@Controller
class ErrorResponses extends BasicErrorController {

    ErrorResponses(ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers) {
        super(attributes, web.getError(), resolvers.orderedStream().toList());
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri == null
                || !uri.toString().startsWith(request.getContextPath() + "/api/")
                        && !uri.toString().startsWith(request.getContextPath() + "/sdk/")) {
            return super.error(request);
        }
        HttpStatus status = getStatus(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.type(Problems.slugFor(status)).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put(
                "detail",
                switch (status) {
                    case NOT_FOUND -> "There is no such resource.";
                    case METHOD_NOT_ALLOWED -> "This resource does not support the method " + request.getMethod() + ".";
                    default -> status.getReasonPhrase() + ".";
                });
        problem.put("instance", uri.toString());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
