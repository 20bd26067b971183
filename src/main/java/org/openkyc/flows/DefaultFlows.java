package org.openkyc.flows;

import org.openkyc.tenancy.TenancyEvents.ApplicationCreated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A mode that gets its first application also gets a default flow, so verifications can start at once. */
@Component
class DefaultFlows {

    private final FlowManagement flows;

    DefaultFlows(FlowManagement flows) {
        this.flows = flows;
    }

    @ApplicationModuleListener
    void on(ApplicationCreated event) {
        flows.ensureDefaultFlow(event.companyId(), event.mode());
    }
}
