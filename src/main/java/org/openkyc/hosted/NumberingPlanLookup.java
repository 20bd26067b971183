package org.openkyc.hosted;

import org.springframework.stereotype.Component;

/**
 * The HLR lookup without an HLR: a number that passed the numbering-plan checks is reported as such, and whether it
 * is live stays unknown. A deployment that needs real HLR answers provides its own {@link HlrLookup} bean.
 */
@Component
class NumberingPlanLookup implements HlrLookup {

    @Override
    public Result lookup(String e164) {
        return new Result(null, "unknown", "numbering-plan");
    }
}
