package org.openkyc.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;

/** The System status page: every check in plain words for administrators, and nothing for a reviewer. */
class SystemStatusPageTest extends IntegrationTest {

    @Test
    void anAdministratorSeesEveryCheckAndAReviewerIsRefused() {
        SignUps.Admin admin =
                SignUps.signUp(api(), "Status " + UUID.randomUUID().toString().substring(0, 6));
        FormClient workplace = FormClient.signedIn(baseUrl(), admin.email());
        FormClient.Page page = workplace.get("/system-status");
        assertThat(page.status()).isEqualTo(200);
        Document html = page.document();
        assertThat(html.select("a[href='/system-status']")).as("in the sidebar").isNotEmpty();
        Element mrz = html.selectFirst("#check-mrz-ocr");
        assertThat(mrz).isNotNull();
        assertThat(mrz.text())
                .contains("Reading identity documents (machine-readable zone)", "Compliance", "Ready")
                .contains("the MRZ model is loaded from");
        Element dns = html.selectFirst("#check-email-dns");
        assertThat(dns.text()).contains("Heuristic", "Not ready", "openkyc.email.check-mx=false");
        assertThat(html.selectFirst("#system-status-summary").text()).isEqualTo("Every compliance check can run.");

        String reviewerRole = SignUps.role(api(), admin.token(), "Reads only", List.of("DASHBOARD", "APPLICANTS_VIEW"));
        String email = "reviewer-" + UUID.randomUUID() + "@status.test";
        SignUps.member(api(), baseUrl(), admin.token(), email, reviewerRole);
        FormClient reviewer = FormClient.signedIn(baseUrl(), email);
        assertThat(reviewer.get("/system-status").status()).isEqualTo(403);
        assertThat(reviewer.get("/dashboard").document().select("a[href='/system-status']"))
                .as("not in a reviewer's sidebar")
                .isEmpty();
    }
}
