package org.openkyc.workplace;

import java.util.List;
import org.openkyc.core.Actor;
import org.openkyc.core.Permission;

/** An entry of the sidebar; it shows only to actors holding its permission. */
public record NavigationItem(String key, String path, String icon, Permission permission) {

    /** The sidebar, top to bottom. */
    public static final List<NavigationItem> SIDEBAR = List.of(
            new NavigationItem("dashboard", "/dashboard", "▦", Permission.DASHBOARD),
            new NavigationItem("applicants", "/applicants", "☺", Permission.APPLICANTS_VIEW),
            new NavigationItem("workflows", "/workflows", "⇶", Permission.WORKFLOWS),
            new NavigationItem("bots", "/bots", "⚡", Permission.WORKFLOWS),
            new NavigationItem("questionnaires", "/questionnaires", "☰", Permission.QUESTIONNAIRES),
            new NavigationItem("aml", "/aml", "⚑", Permission.AML_SCANS),
            new NavigationItem("amlResults", "/aml/results", "☑", Permission.AML_SCANS),
            new NavigationItem("applications", "/applications", "⚙", Permission.APPLICATIONS),
            new NavigationItem("team", "/team", "☷", Permission.TEAM),
            new NavigationItem("company", "/company", "⌂", Permission.COMPANY),
            new NavigationItem("systemStatus", "/system-status", "✓", Permission.COMPANY));

    public static List<NavigationItem> visibleTo(Actor actor) {
        return SIDEBAR.stream().filter(item -> actor.can(item.permission())).toList();
    }
}
