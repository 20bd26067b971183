package org.openkyc.core.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a request came from, as a timeline records it: the address, and the operating system and browser read
 * from the user agent (a rough reading for people, not for security decisions).
 */
public record ClientInfo(
        @Nullable String ip, @Nullable String os, @Nullable String browser) {

    public static final ClientInfo NONE = new ClientInfo(null, null, null);

    public static ClientInfo of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    public static ClientInfo of(@Nullable String ip, @Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new ClientInfo(ip, null, null);
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String os = ua.contains("android")
                ? "Android"
                : ua.contains("iphone") || ua.contains("ipad")
                        ? "iOS"
                        : ua.contains("windows")
                                ? "Windows"
                                : ua.contains("mac os")
                                        ? "macOS"
                                        : ua.contains("cros") ? "ChromeOS" : ua.contains("linux") ? "Linux" : "Other";
        String browser = ua.contains("edg/")
                ? "Edge"
                : ua.contains("opr/")
                        ? "Opera"
                        : ua.contains("firefox/")
                                ? "Firefox"
                                : ua.contains("chrome/") || ua.contains("chromium/")
                                        ? "Chrome"
                                        : ua.contains("safari/") ? "Safari" : ua.contains("curl/") ? "curl" : "Other";
        return new ClientInfo(ip, os, browser);
    }
}
