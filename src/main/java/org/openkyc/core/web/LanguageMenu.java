package org.openkyc.core.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openkyc.core.Languages;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The language menus' choices for templates, as {@code ${@languages.tags()}}, on every page including errors. */
@Component("languages")
public class LanguageMenu {

    public List<String> tags() {
        return Languages.SUPPORTED;
    }

    /**
     * The current request's query parameters except {@code lang}, to carry over when the language changes: a
     * link's token must survive a switch of language.
     */
    public Map<String, String> keptParameters() {
        Map<String, String> kept = new LinkedHashMap<>();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            attributes.getRequest().getParameterMap().forEach((name, values) -> {
                if (!name.equals("lang")
                        && !name.startsWith("_")
                        && values.length > 0
                        && attributes.getRequest().getMethod().equals("GET")) {
                    kept.put(name, values[0]);
                }
            });
        }
        return kept;
    }
}
