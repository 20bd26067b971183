package org.openkyc.workplace;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every workplace page what the header and sidebar need: the actor, the mode and the menu. */
@ControllerAdvice(annotations = Controller.class)
class WorkplaceModel {

    @ModelAttribute("actor")
    @Nullable
    Actor actor(HttpServletRequest request) {
        return CurrentActor.of(request);
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(HttpServletRequest request) {
        Actor actor = CurrentActor.of(request);
        return actor == null ? List.of() : NavigationItem.visibleTo(actor);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
