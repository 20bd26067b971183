package org.openkyc.documents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.checks.SystemCheck.Readiness;
import org.openkyc.core.models.PackagedModels;
import org.openkyc.documents.address.AddressChecks;
import org.openkyc.documents.ocr.MrzReader;
import org.openkyc.documents.ocr.TextReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The OCR models the checks use, loaded once: the MRZ model and a text model for the visual zone, bills and
 * statements ({@link OcrSettings}; by default those packaged in the jar). A model that is missing or does not load
 * leaves its reader absent, with the reason: the checks then say they could not run, and a person looks.
 */
@Component
class OcrEngines implements DisposableBean, AddressChecks.TextSource {

    private static final Logger log = LoggerFactory.getLogger(OcrEngines.class);

    private final @Nullable MrzReader mrz;
    private final @Nullable TextReader text;
    private final Readiness mrzReadiness;
    private final Readiness textReadiness;

    OcrEngines(OcrSettings settings, PackagedModels packaged) {
        Loaded<MrzReader> mrz = load(
                "MRZ",
                settings.mrzModel(),
                packaged,
                "ocr/mrz.traineddata",
                file -> new MrzReader(file, settings.engines()));
        Loaded<TextReader> text = load(
                "text",
                settings.textModel(),
                packaged,
                "ocr/eng.traineddata",
                file -> new TextReader(file, settings.engines()));
        this.mrz = mrz.reader();
        this.text = text.reader();
        this.mrzReadiness = mrz.readiness();
        this.textReadiness = text.readiness();
        log.info("OCR: {}; {}", mrzReadiness.reason(), textReadiness.reason());
    }

    private record Loaded<T>(@Nullable T reader, Readiness readiness) {}

    private interface Opener<T> {
        T open(Path file);
    }

    private static <T> Loaded<T> load(
            String kind, @Nullable Path configured, PackagedModels packaged, String packagedPath, Opener<T> opener) {
        Path file =
                configured != null ? configured : packaged.file(packagedPath).orElse(null);
        String where = configured != null ? configured.toAbsolutePath().toString() : packaged.describe(packagedPath);
        if (file == null || !Files.isReadable(file)) {
            return new Loaded<>(
                    null, Readiness.unavailable("the " + kind + " model is missing (looked for " + where + ")"));
        }
        try {
            return new Loaded<>(opener.open(file), Readiness.ready("the " + kind + " model is loaded from " + file));
        } catch (RuntimeException e) {
            return new Loaded<>(
                    null,
                    Readiness.unavailable("the " + kind + " model at " + file + " does not load: " + e.getMessage()));
        }
    }

    Optional<MrzReader> mrz() {
        return Optional.ofNullable(mrz);
    }

    Optional<TextReader> text() {
        return Optional.ofNullable(text);
    }

    /** Whether machine-readable zones can be read from photos, and why. */
    Readiness mrzReadiness() {
        return mrzReadiness;
    }

    /** Whether printed text can be read, and why. */
    Readiness textReadiness() {
        return textReadiness;
    }

    @Override
    public Optional<TextReader> reader() {
        return text();
    }

    @Override
    public void destroy() {
        if (mrz != null) {
            mrz.close();
        }
        if (text != null) {
            text.close();
        }
    }
}
