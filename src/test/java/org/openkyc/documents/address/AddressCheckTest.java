package org.openkyc.documents.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.Documents;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;

/** Proofs of address through the hosted flow's API: a photographed bill read by OCR, and a PDF statement. */
class AddressCheckTest extends IntegrationTest {

    /** An address the test IP-to-country database places in the Netherlands. */
    private static final String DUTCH_IP = "193.0.6.139";

    private SignUps.Tenant tenant;
    private Api integrator;
    private SignUps.Admin admin;
    private String flow;

    @BeforeEach
    void company() {
        tenant = SignUps.tenant(api(), "Address");
        admin = tenant.admin();
        integrator = tenant.integrator();
        Api owner = tenant.owner();
        flow = owner.post(
                        "/api/v1/flows",
                        Map.of("name", "Address", "steps", List.of(Map.of("type", "PROOF_OF_ADDRESS"))))
                .text("id");
    }

    @Test
    void aPhotographedBillThatAgreesIsClear() {
        LocalDate issued = LocalDate.now().minusDays(20);
        BufferedImage bill = page(List.of(
                "Polder Energie B.V.",
                "Electricity bill",
                "Statement date: " + issued.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)),
                "",
                "Ms Anna Maria de Vries",
                "Keizersgracht 123",
                "1015 CJ Amsterdam",
                "",
                "Amount due: EUR 84.20"));
        String id = applicant();
        Api app = api().as(token(id)).header("X-Forwarded-For", DUTCH_IP);
        app.post("/sdk/v1/start", null);
        String file = upload(app, png(bill), "bill.png", "image/png");
        Api.Response answer = app.post("/sdk/v1/address", declared(file));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(integrator
                        .get("/api/v1/applicants/" + id)
                        .json()
                        .at("/steps/0/result")
                        .asString())
                .isEqualTo("CLEAR: Keizersgracht 123, 1015 CJ Amsterdam, NL; issued " + issued);

        Document profile = profile(id);
        assertThat(profile.selectFirst("#address-result").text()).startsWith("CLEAR");
        assertThat(profile.selectFirst("#address-name td.value").text()).isEqualTo("ANNA MARIA DE VRIES");
        assertThat(profile.selectFirst("#address-issued td.value").text()).isEqualTo(issued + " (20 d)");
    }

    @Test
    void anOldPdfStatementForAnotherStreetIsConsideredWithReasons() throws Exception {
        LocalDate issued = LocalDate.now().minusDays(150);
        byte[] pdf = Documents.statement(List.of(
                "Zuiderbank N.V. - Account statement",
                "Date of issue: " + issued.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")),
                "Anna Maria de Vries",
                "Prinsengracht 7",
                "1015 CJ Amsterdam"));
        String id = applicant();
        Api app = api().as(token(id)).header("X-Forwarded-For", DUTCH_IP);
        app.post("/sdk/v1/start", null);
        String file = upload(app, pdf, "statement.pdf", "application/pdf");
        app.post("/sdk/v1/address", declared(file));

        var view = integrator.get("/api/v1/applicants/" + id).json();
        assertThat(view.at("/steps/0/status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.at("/steps/0/result").asString())
                .startsWith("CONSIDER: street \"Keizersgracht 123\" is not on the document")
                .contains("issued " + issued + ", 150 days ago; at most 90 are accepted");
        assertThat(view.at("/review/warnings/0/code").asString()).isEqualTo("PROOF_OF_ADDRESS_CONSIDER");
        Document profile = profile(id);
        assertThat(profile.selectFirst("#address-result").text()).startsWith("CONSIDER");
        assertThat(profile.selectFirst("#address-street td.value").text()).isEqualTo("PRINSENGRACHT 7");
        assertThat(profile.selectFirst("a#address-file"))
                .as("the PDF is linked")
                .isNotNull();
    }

    private static Map<String, Object> declared(String file) {
        return Map.of(
                "file", file,
                "fullName", "Anna Maria de Vries",
                "street", "Keizersgracht 123",
                "city", "Amsterdam",
                "postCode", "1015 CJ",
                "country", "NL");
    }

    private static BufferedImage page(List<String> lines) {
        BufferedImage page = new BufferedImage(1240, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(20, 20, 30));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), 90, 110 + i * 60);
        }
        g.dispose();
        return page;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private String upload(Api app, byte[] data, String name, String type) {
        Api.Response response =
                app.upload("/sdk/v1/media", Map.of("purpose", "PROOF_OF_ADDRESS"), "file", name, type, data);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    private String applicant() {
        return integrator
                .post("/api/v1/applicants", Map.of("externalUserId", "poa-" + UUID.randomUUID(), "flowId", flow))
                .text("id");
    }

    private String token(String applicant) {
        return tenant.token(applicant);
    }

    private Document profile(String id) {
        FormClient workplace = FormClient.signedIn(baseUrl(), admin.email());
        return workplace.get("/applicants/" + id).document();
    }
}
