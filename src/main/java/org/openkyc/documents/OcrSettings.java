package org.openkyc.documents;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OCR models ({@code openkyc.ocr.*}). Unset, each is the one packaged in the jar.
 *
 * @param mrzModel a {@code .traineddata} file for machine-readable zones; unset, the packaged MRZ model
 * @param textModel a {@code .traineddata} file for printed text (the visual zone, bills and statements); unset, the
 *     packaged English model; Debian's is {@code /usr/share/tesseract-ocr/5/tessdata/eng.traineddata}
 * @param engines how many readings of each model may run at once
 */
@ConfigurationProperties("openkyc.ocr")
record OcrSettings(
        @Nullable Path mrzModel,
        @Nullable Path textModel,
        @DefaultValue("1") int engines) {}
