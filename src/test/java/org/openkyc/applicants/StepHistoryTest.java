package org.openkyc.applicants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.openkyc.documents.ocr.DocumentPhotos;
import org.openkyc.support.Api;
import org.openkyc.support.Documents;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import tools.jackson.databind.JsonNode;

/**
 * A reviewer deactivates a step: its result moves to the step's history, the applicant redoes the step with a new
 * link, and the certificate follows the current result; Activate brings the earlier result back.
 */
class StepHistoryTest extends IntegrationTest {

    @Test
    void aDeactivatedDocumentIsRedoneAndAnEarlierOneCanBeBroughtBack() {
        SignUps.Tenant tenant = SignUps.tenant(api(), "History");
        String flow = tenant.flow(
                "Documents",
                List.of(Map.of("type", "DOCUMENT", "config", Map.of("permittedDocumentTypes", List.of("PASSPORT")))));
        String id = tenant.applicant(flow);
        send(tenant, id, "NX7K2P4Q8", "200101");
        assertThat(tenant.status(id)).isEqualTo("ON_HOLD");
        assertThat(certificate(tenant, id).get("result").asString()).isEqualTo("CONSIDER");

        FormClient workplace = FormClient.signedIn(baseUrl(), tenant.admin().email());
        FormClient.Page profile = workplace.get("/applicants/" + id);
        Element document = profile.document().selectFirst("#step-history [data-step=DOCUMENT]");
        assertThat(document.selectFirst(".hint").text()).isEqualTo("No earlier results.");
        workplace.post(
                document.selectFirst("form:has(button.deactivate)").attr("action"), Map.of("_csrf", profile.csrf()));

        assertThat(tenant.status(id)).isEqualTo("INCOMPLETE");
        JsonNode view = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(view.at("/steps/0/status").asString()).isEqualTo("NOT_STARTED");
        assertThat(certificate(tenant, id))
                .as("nothing certified without a current document")
                .isNull();
        Document afterDeactivation = workplace.get("/applicants/" + id).document();
        assertThat(afterDeactivation
                        .select("#step-history [data-step=DOCUMENT] li")
                        .eachText())
                .singleElement()
                .asString()
                .contains("PASSPORT NL NX7K2P4Q8, to consider");
        assertThat(afterDeactivation.select("#document-none"))
                .as("no current document")
                .isNotEmpty();

        send(tenant, id, "NX9R3T5V1", "330720");
        assertThat(tenant.status(id)).isEqualTo("COMPLETED");
        assertThat(certificate(tenant, id).get("result").asString()).isEqualTo("CLEAR");

        FormClient.Page again = workplace.get("/applicants/" + id);
        Element earlier = again.document().selectFirst("#step-history [data-step=DOCUMENT] li");
        workplace.post(
                earlier.selectFirst("form").attr("action"),
                Map.of("result", earlier.attr("data-result"), "_csrf", again.csrf()));
        assertThat(certificate(tenant, id).get("result").asString())
                .as("the expired passport is current again")
                .isEqualTo("CONSIDER");
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + id)
                        .json()
                        .at("/steps/0/result")
                        .asString())
                .as("the step says which result is current")
                .isEqualTo("PASSPORT NL NX7K2P4Q8, to consider; activated from history");
        assertThat(tenant.owner()
                        .get("/api/v1/dashboard")
                        .json()
                        .at("/countries/document/NL")
                        .asLong())
                .as("the dashboard still knows the document's country")
                .isEqualTo(1);
        assertThat(workplace
                        .get("/applicants/" + id)
                        .document()
                        .select("#step-history [data-step=DOCUMENT] li")
                        .eachText())
                .singleElement()
                .asString()
                .contains("NX9R3T5V1, valid");
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + id + "/timeline")
                        .body())
                .contains("STEP_DEACTIVATED", "STEP_ACTIVATED");
    }

    private void send(SignUps.Tenant tenant, String id, String number, String expiry) {
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        Documents.submit(
                app,
                "PASSPORT",
                "NL",
                DocumentPhotos.passport("NLD", "OKONKWO", "CHIDI", number, "910305", "M", expiry));
        app.post("/sdk/v1/finish", null);
    }

    private static JsonNode certificate(SignUps.Tenant tenant, String id) {
        for (JsonNode certificate : tenant.integrator()
                .get("/api/v1/applicants/" + id + "/certificates")
                .json()) {
            if (certificate.get("kind").asString().equals("IDENTITY_DOCUMENT")) {
                return certificate;
            }
        }
        return null;
    }
}
