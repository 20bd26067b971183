package org.openkyc.documents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.flows.definition.StepSettings.DocumentType;

/**
 * An identity document as checked.
 *
 * @param mrzSource {@code OCR} (read from the photos), {@code CLIENT} (sent as text by an app that read it, over NFC
 *     or on the device) or {@code NONE}
 * @param ocrLines the lines OCR read before correction, when the zone came from the photos
 * @param valid whether the zone verified, every field holds up and every photo passed its quality checks
 * @param notChecked why the zone could not be read at all (the MRZ model is missing): not valid, yet nothing the
 *     applicant did; null when it was checked
 * @param duplicates other applicants of the company who presented the same document
 */
public record DocumentCheck(
        UUID id,
        UUID applicantId,
        DocumentType documentType,
        String issuingCountry,
        @Nullable String documentNumber,
        UUID frontMediaId,
        @Nullable UUID backMediaId,
        String mrzSource,
        List<String> mrzLines,
        List<String> ocrLines,
        boolean valid,
        @Nullable String notChecked,
        List<DocumentField> fields,
        List<QualityCheck> quality,
        List<String> problems,
        List<UUID> duplicates,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * One quality measure of one photo.
     *
     * @param side {@code front} or {@code back}
     * @param limit the flow's limit the value is held to, in words
     */
    public record QualityCheck(String name, String side, double value, String limit, boolean passed) {}

    public @Nullable DocumentField field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    public boolean expired() {
        DocumentField expiry = field("expiryDate");
        return expiry != null
                && expiry.status() == DocumentField.Status.FAILED
                && expiry.note().startsWith("expired");
    }
}
