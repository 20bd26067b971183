package org.openkyc.flows;

/**
 * How many applicants go through a flow. The applicants module answers it; flows only ask, so editing a flow
 * in use can warn about the applicants it affects.
 */
public interface FlowUsage {

    long applicantsUsing(FlowId flow);
}
