package org.openkyc.flows.definition;

/** A regular verification, or an on-demand flow that asks a verified applicant for additional information. */
public enum FlowType {
    REGULAR,
    ON_DEMAND
}
