package org.openkyc.core.web;

import java.util.List;
import org.openkyc.core.Languages;
import org.springframework.stereotype.Component;

/** The language menus' choices for templates, as {@code ${@languages.tags()}}, on every page including errors. */
@Component("languages")
public class LanguageMenu {

    public List<String> tags() {
        return Languages.SUPPORTED;
    }
}
