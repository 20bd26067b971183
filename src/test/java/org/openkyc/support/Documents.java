package org.openkyc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** An identity document sent through the SDK as a native app would: a photo of its front, and its zone as read. */
public final class Documents {

    private Documents() {}

    public static void submit(Api app, String type, String country, List<String> zone) {
        Api.Response front = app.upload(
                "/sdk/v1/media",
                Map.of("purpose", "DOCUMENT_FRONT"),
                "file",
                "front.jpg",
                "image/jpeg",
                FaceVideo.jpeg(FaceVideo.document()));
        assertThat(front.status()).as(front.body()).isEqualTo(201);
        Api.Response document = app.post(
                "/sdk/v1/document",
                Map.of(
                        "documentType",
                        type,
                        "country",
                        country,
                        "front",
                        front.text("id"),
                        "mrz",
                        String.join("\n", zone)));
        assertThat(document.status()).as(document.body()).isEqualTo(200);
    }

    /** A one-page PDF of these lines, as a bank statement for a proof of address. */
    public static byte[] statement(List<String> lines) {
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        org.openpdf.text.Document document = new org.openpdf.text.Document();
        org.openpdf.text.pdf.PdfWriter.getInstance(document, pdf);
        document.open();
        for (String line : lines) {
            document.add(new org.openpdf.text.Paragraph(line));
        }
        document.close();
        return pdf.toByteArray();
    }
}
