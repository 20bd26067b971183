package org.openkyc.flows;

import org.openkyc.flows.definition.FlowDefinition;

/** The version of a flow that applicants go through now. */
public record PublishedFlow(FlowId id, int version, FlowDefinition definition) {}
