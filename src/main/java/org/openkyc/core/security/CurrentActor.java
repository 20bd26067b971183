package org.openkyc.core.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.Mode;

/** Where the actor of the current request and the workplace's chosen mode are kept. */
public final class CurrentActor {

    static final String ATTRIBUTE = Actor.class.getName();
    static final String MODE_ATTRIBUTE = "openkyc.mode";

    private CurrentActor() {}

    public static @Nullable Actor of(HttpServletRequest request) {
        return (Actor) request.getAttribute(ATTRIBUTE);
    }

    static void set(HttpServletRequest request, Actor actor) {
        request.setAttribute(ATTRIBUTE, actor);
    }

    /** The mode the workplace user last switched to; test until they switch. */
    public static Mode sessionMode(@Nullable HttpSession session) {
        Object mode = session == null ? null : session.getAttribute(MODE_ATTRIBUTE);
        return mode instanceof Mode m ? m : Mode.TEST;
    }

    public static void switchMode(HttpSession session, Mode mode) {
        session.setAttribute(MODE_ATTRIBUTE, mode);
    }
}
