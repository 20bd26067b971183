package org.openkyc.core.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;

/** Where the actor of the current request and the workplace's chosen mode are kept. */
public final class CurrentActor {

    static final String ATTRIBUTE = Actor.class.getName();
    static final String MODE_ATTRIBUTE = "openkyc.mode";
    static final String OPERATING_ATTRIBUTE = "openkyc.operating";

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

    /** The company whose workplace a platform operator opened in this session, if any. */
    public static @Nullable CompanyId operating(@Nullable HttpSession session) {
        Object company = session == null ? null : session.getAttribute(OPERATING_ATTRIBUTE);
        return company instanceof CompanyId c ? c : null;
    }

    /** A platform operator opens (or, with null, leaves) a company's workplace; the mode starts over in test. */
    public static void operate(HttpSession session, @Nullable CompanyId company) {
        if (company == null) {
            session.removeAttribute(OPERATING_ATTRIBUTE);
        } else {
            session.setAttribute(OPERATING_ATTRIBUTE, company);
        }
        session.setAttribute(MODE_ATTRIBUTE, Mode.TEST);
    }
}
