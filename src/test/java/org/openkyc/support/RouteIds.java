package org.openkyc.support;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Picks the record id for a route pattern such as {@code GET /api/v1/flows/{id}} from ids kept by resource. */
public final class RouteIds {

    private RouteIds() {}

    /** The id kept under the resource whose path segment stands before {@code {id}} in the route, if any. */
    public static @Nullable String idFor(Map<String, String> idsByResource, String route) {
        for (Map.Entry<String, String> entry : idsByResource.entrySet()) {
            if (route.contains("/" + entry.getKey() + "/{id}")) {
                return entry.getValue();
            }
        }
        return null;
    }
}
