package org.openkyc.deduplication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.core.CompanyId;
import org.openkyc.documents.ocr.DocumentPhotos;
import org.openkyc.support.Api;
import org.openkyc.support.Documents;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Plan;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seeds' deduplication rules: duplicates by passport number, national ID number and crypto address; the
 * APPROVED profile stays the original and the others are BLOCKED; among several APPROVED the earliest profile stays
 * and the later one is BLOCKED although it was approved; only on enterprise plans.
 */
class DeduplicationTest extends IntegrationTest {

    /** The ICAO Doc 9303 specimen identity card (TD1). */
    private static final List<String> ID_CARD = List.of(
            "I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

    @Autowired
    CompanyManagement companies;

    @Autowired
    Deduplication deduplication;

    private SignUps.Tenant tenant;
    private CompanyId company;

    @BeforeEach
    void enterprise() {
        tenant = SignUps.tenant(api(), "Dedup");
        company = new CompanyId(
                UUID.fromString(tenant.owner().get("/api/v1/company").text("id")));
        companies.changePlan(company, Plan.ENTERPRISE_SELF_MANAGED);
    }

    @Test
    void aSecondProfileWithTheApprovedOnesPassportIsBlocked() {
        String flow = documentFlow();
        List<String> passport =
                DocumentPhotos.passport("NLD", "OKONKWO", "CHIDI", "NX7K2P4Q8", "910305", "M", "330720");
        String original = finished(flow, passport, "PASSPORT", "NL");
        approve(original);
        String duplicate = finished(flow, passport, "PASSPORT", "NL");
        assertThat(tenant.status(duplicate)).isEqualTo("BLOCKED");
        assertThat(tenant.status(original)).isEqualTo("APPROVED");
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + duplicate + "/timeline")
                        .body())
                .contains("\"reason\":\"duplicate\"", original);

        FormClient workplace = FormClient.signedIn(baseUrl(), tenant.admin().email());
        Document profile = workplace.get("/applicants/" + original).document();
        assertThat(profile.selectFirst("#linked-profiles li[data-applicant=" + duplicate + "]")
                        .text())
                .contains("same passport number");
        assertThat(workplace.get("/applicants/" + duplicate).document().select("#linked-profiles li"))
                .extracting(e -> e.attr("data-applicant"))
                .containsExactly(original);

        String other = finished(
                flow,
                DocumentPhotos.passport("NLD", "OKONKWO", "CHIDI", "NX7K2P4Q9", "910305", "M", "330720"),
                "PASSPORT",
                "NL");
        assertThat(tenant.status(other)).as("another passport number").isNotEqualTo("BLOCKED");
    }

    @Test
    void amongSeveralApprovedTheEarliestStaysAndOnlyEnterprisePlansDeduplicate() {
        companies.changePlan(company, Plan.PAY_AS_YOU_GO);
        String flow = documentFlow();
        String earlier = finished(flow, ID_CARD, "ID_CARD", "DE");
        String later = finished(flow, ID_CARD, "ID_CARD", "DE");
        approve(later);
        approve(earlier);
        assertThat(List.of(tenant.status(earlier), tenant.status(later)))
                .as("pay-as-you-go: no deduplication")
                .containsExactly("APPROVED", "APPROVED");

        companies.changePlan(company, Plan.ENTERPRISE_MANAGED);
        assertThat(deduplication.sweep()).isEqualTo(1);
        assertThat(tenant.status(earlier)).isEqualTo("APPROVED");
        assertThat(tenant.status(later)).as("approved, but the later profile").isEqualTo("BLOCKED");
        assertThat(deduplication.sweep()).as("nothing left to block").isZero();
    }

    @Test
    void aSharedCryptoAddressIsADuplicateAndNothingIsDecidedBeforeAnApproval() {
        String flow = tenant.flow(
                "Wallet",
                List.of(Map.of(
                        "type",
                        "CRYPTO_WALLET",
                        "config",
                        Map.of("ownership", false, "networks", List.of("ETHEREUM")))));
        String first = walletApplicant(flow, "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
        String second = walletApplicant(flow, "0x2c7536e3605d9c16a7a3d7b1898e529396a65c23");
        assertThat(List.of(tenant.status(first), tenant.status(second)))
                .as("no profile approved yet: nothing decided")
                .containsExactly("COMPLETED", "COMPLETED");
        approve(second);
        assertThat(tenant.status(first)).as("the approved one is the original").isEqualTo("BLOCKED");
        assertThat(tenant.status(second)).isEqualTo("APPROVED");
    }

    private String documentFlow() {
        return tenant.flow(
                "Documents",
                List.of(Map.of(
                        "type",
                        "DOCUMENT",
                        "config",
                        Map.of("permittedDocumentTypes", List.of("PASSPORT", "ID_CARD")))));
    }

    private String finished(String flow, List<String> zone, String type, String country) {
        String id = tenant.applicant(flow);
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        Documents.submit(app, type, country, zone);
        app.post("/sdk/v1/finish", null);
        return id;
    }

    private String walletApplicant(String flow, String address) {
        String id = tenant.applicant(flow);
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        app.post("/sdk/v1/wallet/challenge", Map.of("network", "ETHEREUM", "address", address));
        // the flow does not ask for proof of ownership: the address is taken as given
        Api.Response verified = app.post("/sdk/v1/wallet/verify", Map.of("signature", ""));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        app.post("/sdk/v1/finish", null);
        return id;
    }

    private void approve(String id) {
        Api.Response approved =
                tenant.owner().post("/api/v1/applicants/" + id + "/review", Map.of("decision", "APPROVED"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }
}
