package org.openkyc.core;

/** One item of the functionality list that roles grant. Every route checks one of these. */
public enum Permission {
    DASHBOARD,
    APPLICANTS_VIEW,
    APPLICANTS_REVIEW,
    APPLICANTS_DELETE,
    WORKFLOWS,
    QUESTIONNAIRES,
    AML_SCANS,
    APPLICATIONS,
    APPLICATION_KEYS,
    TEAM,
    COMPANY,
    COMPANY_KEYS,
    LIVE_MODE
}
