package org.openkyc.documents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.OpenKycSettings;
import org.openkyc.documents.address.AddressChecks;
import org.openkyc.documents.ocr.MrzReader;
import org.openkyc.documents.ocr.TextReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The OCR models the checks use, loaded once: the MRZ model ({@code openkyc.ocr.mrz-model}, by default
 * {@code <data-dir>/ocr/mrz.traineddata}) and a text model for bills and statements ({@code openkyc.ocr.text-model},
 * by default Debian's {@code tesseract-ocr-eng}). A missing model leaves its reader absent; the checks then say that
 * nothing was read and send the applicant to a person.
 */
@Component
class OcrEngines implements DisposableBean, AddressChecks.TextSource {

    private static final Logger log = LoggerFactory.getLogger(OcrEngines.class);

    private final @Nullable MrzReader mrz;
    private final @Nullable TextReader text;

    OcrEngines(
            OpenKycSettings settings,
            @Value("${openkyc.ocr.mrz-model:}") String mrzModel,
            @Value("${openkyc.ocr.text-model:/usr/share/tesseract-ocr/5/tessdata/eng.traineddata}") String textModel,
            @Value("${openkyc.ocr.engines:1}") int engines) {
        Path mrzPath = mrzModel.isBlank() ? settings.dataDir().resolve("ocr/mrz.traineddata") : Path.of(mrzModel);
        this.mrz = Files.isReadable(mrzPath) ? new MrzReader(mrzPath, engines) : null;
        this.text = Files.isReadable(Path.of(textModel)) ? new TextReader(Path.of(textModel), engines) : null;
        log.info(
                "OCR: MRZ model {}, text model {}",
                mrz != null ? mrzPath : "absent (" + mrzPath + ")",
                text != null ? textModel : "absent (" + textModel + ")");
    }

    Optional<MrzReader> mrz() {
        return Optional.ofNullable(mrz);
    }

    Optional<TextReader> text() {
        return Optional.ofNullable(text);
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
