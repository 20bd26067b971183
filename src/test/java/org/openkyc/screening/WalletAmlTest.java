package org.openkyc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Wallet AML in the crypto wallet step: an address OFAC lists (from the SDN list in the tests' lists folder) scores 0
 * and leaves the step for a person with a warning; an address no source has data on is UNKNOWN, not low risk, and
 * waits for a person unless the flow accepts unknown addresses.
 */
class WalletAmlTest extends IntegrationTest {

    /** A Bitcoin address the 2021 SDN list names for a sanctioned person. */
    static final String LISTED = "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h";

    /** The genesis block's address, on no list. */
    static final String UNLISTED = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";

    @Autowired
    ScreeningLists lists;

    @Autowired
    WalletScreening screening;

    private SignUps.Tenant tenant;
    private String flow;

    @BeforeEach
    void company() {
        lists.reload();
        tenant = SignUps.tenant(api(), "Wallet AML");
        flow = flow("REVIEW");
    }

    private String flow(String unknownWallet) {
        return tenant.owner()
                .post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Wallet with AML",
                                "steps",
                                List.of(Map.of(
                                        "type",
                                        "CRYPTO_WALLET",
                                        "config",
                                        Map.of(
                                                "ownership",
                                                false,
                                                "walletAml",
                                                true,
                                                "networks",
                                                List.of("BITCOIN"),
                                                "unknownWallet",
                                                unknownWallet)))))
                .text("id");
    }

    @Test
    void scoresComeFromTheLists() {
        WalletScreening.WalletRisk listed = screening.assess("BITCOIN", LISTED);
        assertThat(listed.score()).isZero();
        assertThat(listed.clear()).isFalse();
        assertThat(listed.summary())
                .startsWith("AML score 0 (CONSIDER): OFAC_SDN: listed by OFAC_SDN for YAN, Xiaobing");
        WalletScreening.WalletRisk unlisted = screening.assess("BITCOIN", UNLISTED);
        assertThat(unlisted.score()).as("no data is no score").isNull();
        assertThat(unlisted.verdict()).isEqualTo(WalletScreening.Verdict.UNKNOWN);
        assertThat(unlisted.clear()).isFalse();
        assertThat(unlisted.summary()).isEqualTo("AML score UNKNOWN: no source has data on the address");
    }

    @Test
    void aListedAddressAndAnUnknownOneWaitForAPersonUnlessTheFlowAcceptsUnknownAddresses() {
        JsonNode listed = walletStep(flow, LISTED);
        assertThat(listed.at("/steps/0/status").asString()).isEqualTo("SUBMITTED");
        assertThat(listed.at("/steps/0/result").asString()).contains("AML score 0 (CONSIDER)");
        assertThat(listed.at("/review/warnings/0/code").asString()).isEqualTo("WALLET_AML");

        JsonNode unknown = walletStep(flow, UNLISTED);
        assertThat(unknown.at("/steps/0/status").asString()).isEqualTo("SUBMITTED");
        assertThat(unknown.at("/steps/0/result").asString()).contains("AML score UNKNOWN");
        assertThat(unknown.at("/review/warnings/0/code").asString()).isEqualTo("WALLET_AML");

        JsonNode accepted = walletStep(flow("ACCEPT"), UNLISTED);
        assertThat(accepted.at("/steps/0/status").asString()).isEqualTo("PASSED");
        assertThat(accepted.at("/review/warnings")).isEmpty();
    }

    private JsonNode walletStep(String flow, String address) {
        String id = tenant.integrator()
                .post("/api/v1/applicants", Map.of("externalUserId", "w-" + address + "-" + flow, "flowId", flow))
                .text("id");
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        Api.Response challenge = app.post("/sdk/v1/wallet/challenge", Map.of("network", "BITCOIN", "address", address));
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(200);
        assertThat(app.post("/sdk/v1/wallet/verify", Map.of("signature", "")).status())
                .isEqualTo(200);
        return tenant.integrator().get("/api/v1/applicants/" + id).json();
    }
}
