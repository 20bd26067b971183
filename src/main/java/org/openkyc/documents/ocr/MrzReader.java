package org.openkyc.documents.ocr;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.tesseract.global.tesseract;
import org.jspecify.annotations.Nullable;
import org.openkyc.documents.mrz.Mrz;
import org.openkyc.documents.mrz.MrzCorrection;

/**
 * Reads the machine-readable zone of a document photo: finds and straightens the zone ({@link MrzLocator}), reads it
 * with Tesseract and an MRZ model, and corrects the reading with the check digits ({@link MrzCorrection}). When the
 * zone's band does not give a valid reading, the whole straightened photo is read as well and the better reading
 * kept.
 */
public final class MrzReader implements AutoCloseable {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    /** Lines are enlarged or reduced to about this height in pixels before reading. */
    private static final int LINE_HEIGHT = 44;

    private final Tesseract engine;

    /** @param model the MRZ {@code .traineddata} file */
    public MrzReader(Path model, int engines) {
        this.engine = new Tesseract(model, ALPHABET, engines);
    }

    /**
     * What was read: the OCR lines as read (before correction), the zone's lines after correction and the zone
     * parsed from them; {@code mrz} is null when no zone could be made out.
     */
    public record Reading(
            List<String> raw,
            List<String> corrected,
            @Nullable Mrz mrz) {

        public boolean valid() {
            return mrz != null && mrz.valid();
        }
    }

    public Reading read(BufferedImage photo) {
        MrzLocator.Located located = MrzLocator.locate(photo);
        Reading best = null;
        if (located.found()) {
            BufferedImage zone = located.zone();
            double lines = Math.max(2, Math.round(zone.getHeight() / (zone.getWidth() / 44.0 * 1.6)));
            double scale = LINE_HEIGHT * lines / zone.getHeight();
            best = reading(engine.read(MrzLocator.grey(zone, scale), tesseract.PSM_SINGLE_BLOCK));
            if (best.valid()) {
                return best;
            }
        }
        Reading whole = reading(engine.read(located.straightened(), tesseract.PSM_SINGLE_BLOCK));
        if (best == null || better(whole, best)) {
            best = whole;
        }
        if (!best.valid()) {
            Reading sparse = reading(engine.read(located.straightened(), tesseract.PSM_AUTO));
            if (better(sparse, best)) {
                best = sparse;
            }
        }
        return best;
    }

    private static Reading reading(String text) {
        MrzCorrection.Result result = MrzCorrection.correct(text);
        return new Reading(result.read(), result.corrected(), result.mrz());
    }

    private static boolean better(Reading candidate, Reading current) {
        return score(candidate) > score(current);
    }

    private static long score(Reading reading) {
        if (reading.mrz() == null) {
            return -1;
        }
        return (reading.valid() ? 100 : 0)
                + reading.mrz().checks().stream().filter(Mrz.Check::ok).count();
    }

    @Override
    public void close() {
        engine.close();
    }
}
