package org.openkyc.core.web;

import jakarta.servlet.http.HttpServletResponse;
import org.openkyc.core.OpenKycException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Workplace pages show a translated error page with the right status instead of a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandler {

    @ExceptionHandler(OpenKycException.class)
    String openKyc(OpenKycException e, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("detail", e.getMessage());
        return "error";
    }
}
