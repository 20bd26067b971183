package org.openkyc.workplace;

import jakarta.servlet.http.HttpSession;
import org.openkyc.core.Actor;
import org.openkyc.core.Mode;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The home page and the mode toggle.
 */
@Controller
class WorkplacePages {

    @GetMapping("/")
    String home(Actor actor) {
        return NavigationItem.visibleTo(actor).stream()
                .findFirst()
                .map(item -> "redirect:" + item.path())
                .orElse("redirect:/account");
    }

    /** Switches between test and live; live only when the plan and the role both allow it. */
    @PostMapping("/mode")
    String switchMode(
            Actor actor,
            @RequestParam String mode,
            @RequestHeader(name = "Referer", required = false) String referer,
            HttpSession session,
            RedirectAttributes redirect) {
        Mode wanted = Mode.fromCode(mode).orElseThrow(() -> new NotFoundException("No such mode."));
        if (wanted == Mode.LIVE && !actor.liveModeAvailable()) {
            redirect.addFlashAttribute("flashError", "mode.liveUnavailable");
        } else {
            CurrentActor.switchMode(session, wanted);
            redirect.addFlashAttribute("flash", wanted == Mode.LIVE ? "mode.switchedLive" : "mode.switchedTest");
        }
        return "redirect:" + safeReturnPath(referer);
    }

    /** Goes back to the section the toggle was used in, never to another site. */
    static String safeReturnPath(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            // The section, not the record: a record of one mode does not exist in the other.
            String[] segments = path.split("/");
            return segments.length > 1 && segments[1].matches("[a-z-]+") ? "/" + segments[1] : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
