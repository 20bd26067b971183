package org.openkyc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import tools.jackson.databind.JsonNode;

/**
 * Broken and hostile list files over the import API: each gets a clear problem naming what is wrong, and the lists in
 * use do not change. A BOM-prefixed or latin-1 CSV is read as what it is.
 */
class ListImportProblemsTest extends IntegrationTest {

    private static final String HEADER = "id,name,type,list_type,countries\n";

    private SignUps.Tenant tenant;

    @BeforeEach
    void company() {
        tenant = SignUps.tenant(api(), "List imports");
    }

    @Test
    void everyBadFileIsRefusedWithItsReasonAndTheListsInUseStay() throws Exception {
        String un = Files.readString(Path.of("../shared/data/sanctions/un_sc/UN_consolidated.xml"));
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("malformed.csv", (HEADER + "x-1,,person,WATCHLIST,GB\n").getBytes(StandardCharsets.UTF_8));
        bad.put("truncated.xml", un.substring(0, un.length() / 2).getBytes(StandardCharsets.UTF_8));
        bad.put("empty.csv", new byte[0]);
        bad.put("picture.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        bad.put(
                "laughs.xml",
                ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                                + "<CONSOLIDATED_LIST>&lol2;</CONSOLIDATED_LIST>")
                        .getBytes(StandardCharsets.UTF_8));
        bad.put("bomb.zip", zipBomb());
        bad.put(
                "latin1.yaml",
                "- id:\n    bioguide: X1\n  name:\n    first: Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        JsonNode before = tenant.owner().get("/api/v1/screening/lists").json().get("lists");
        for (Map.Entry<String, byte[]> file : bad.entrySet()) {
            Api.Response answer = upload(file.getKey(), file.getValue());
            assertThat(answer.status()).as(file.getKey() + ": " + answer).isIn(413, 422);
            assertThat(answer.json().get("type").asString())
                    .as(file.getKey())
                    .startsWith("https://openkyc.org/problems/list-");
            assertThat(answer.json().get("detail").asString())
                    .as(file.getKey())
                    .contains("The lists in use are unchanged");
        }
        assertThat(upload("picture.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
                        .json()
                        .get("detail")
                        .asString())
                .contains("not a list OpenKYC can read");
        assertThat(upload("laughs.xml", bad.get("laughs.xml"))
                        .json()
                        .get("detail")
                        .asString())
                .contains("DOCTYPE");

        Api.Response huge = upload("huge.csv", new byte[11 * 1024 * 1024]);
        assertThat(huge.status()).as("over the upload limit").isEqualTo(413);
        assertThat(huge.json().get("type").asString()).isEqualTo("https://openkyc.org/problems/payload-too-large");

        assertThat(tenant.owner().get("/api/v1/screening/lists").json().get("lists"))
                .as("no list changed")
                .isEqualTo(before);
    }

    @Test
    void aBomAndLatin1AreReadAsWhatTheyAre() {
        byte[] bom =
                ("\uFEFF" + HEADER + "b-1,Orvald Quennick-Bray,person,WATCHLIST,GB\n").getBytes(StandardCharsets.UTF_8);
        Api.Response read = upload("bom.csv", bom);
        assertThat(read.status()).as(read.toString()).isEqualTo(201);
        assertThat(read.json().get("kind").asString()).isEqualTo("OWN");
        byte[] latin1 = (HEADER + "l-1,Jos\u00e9 Mu\u00f1oz Quennick,person,WATCHLIST,ES\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload("latin1.csv", latin1).status()).isEqualTo(201);
        assertThat(tenant.owner()
                        .post("/api/v1/aml/scans", Map.of("name", "José Muñoz Quennick"))
                        .json()
                        .at("/results/0/name")
                        .asString())
                .isEqualTo("José Muñoz Quennick");
    }

    @Test
    void aLargeListCanBeSentAsTheBodyItself() throws Exception {
        byte[] csv = (HEADER + "r-1,Thessaly Brandquist-Oar,person,WATCHLIST,GB\n").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        baseUrl() + "/api/v1/screening/lists/imports?fileName=own.csv&source=raw-body"))
                                .header(
                                        "Authorization",
                                        "Bearer " + tenant.admin().token())
                                .header("Content-Type", "application/octet-stream")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(csv))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(Api.JSON.readTree(answer.body()).get("source").asString()).isEqualTo("raw-body");
    }

    @Test
    void onlyAdministratorsImport() {
        String reviewer = SignUps.member(
                api(),
                baseUrl(),
                tenant.admin().token(),
                "reviewer-imports@isolation.test",
                SignUps.role(api(), tenant.admin().token(), "Scanner", java.util.List.of("AML_SCANS")));
        Api.Response refused = api().as(reviewer)
                .upload(
                        "/api/v1/screening/lists/imports",
                        Map.of(),
                        "file",
                        "own.csv",
                        "text/csv",
                        (HEADER + "r-1,Someone,person,WATCHLIST,GB\n").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api().as(reviewer).get("/api/v1/screening/lists").status()).isEqualTo(200);
    }

    private Api.Response upload(String name, byte[] content) {
        return tenant.owner()
                .upload(
                        "/api/v1/screening/lists/imports",
                        Map.of("source", "imports-" + name.replaceAll("[^a-z0-9]", "-")),
                        "file",
                        name,
                        "application/octet-stream",
                        content);
    }

    /** A small ZIP that inflates far past the import limit. */
    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("list.csv"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 60; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
