package org.openkyc.workplace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.security.CurrentActor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every rendered page what the header and sidebar need: the actor, the menu it may see, the current
 * path. API calls and redirects render nothing and get nothing.
 */
@Configuration(proxyBeanMethods = false)
class WorkplaceModel implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView page) {
        if (page == null
                || !page.hasView()
                || String.valueOf(page.getViewName()).startsWith("redirect:")) {
            return;
        }
        Actor actor = CurrentActor.of(request);
        page.addObject("actor", actor);
        page.addObject("navigation", actor == null ? List.of() : NavigationItem.visibleTo(actor));
        page.addObject(
                "currentPath",
                request.getRequestURI().substring(request.getContextPath().length()));
    }
}
