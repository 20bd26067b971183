package org.openkyc.hosted;

import java.util.List;
import org.openkyc.applicants.PersonalDataTables;
import org.springframework.stereotype.Component;

/** One-time codes name the address or number they went to; wallet challenges name the wallet. */
@Component
class HostedPersonalData implements PersonalDataTables {

    @Override
    public List<String> tables() {
        return List.of("hosted_code", "hosted_wallet_challenge");
    }
}
