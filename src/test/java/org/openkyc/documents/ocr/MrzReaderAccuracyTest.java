package org.openkyc.documents.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The OCR accuracy of the document check on generated photos: TD1 cards and TD3 passport pages with the zone in
 * OCR-B, rotated up to 4°, sheared and scaled as by a phone held at a slant, blurred and noisy. The share read exactly
 * (every character of every line, after check-digit correction) is printed and quoted in the README.
 */
public class MrzReaderAccuracyTest {

    public static final Path MODEL = Path.of("../shared/data/ocr/mrz.traineddata");
    private static final int PHOTOS = 200;

    @Test
    void readsGeneratedDocumentPhotos() {
        DocumentPhotos photos = new DocumentPhotos(20261122L);
        int exact = 0;
        int valid = 0;
        int validButWrong = 0;
        long[] millis = new long[PHOTOS];
        try (MrzReader reader = new MrzReader(MODEL, 1)) {
            for (int i = 0; i < PHOTOS; i++) {
                DocumentPhotos.Sample sample = photos.next();
                long start = System.nanoTime();
                MrzReader.Reading reading = reader.read(sample.photo());
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                boolean same = reading.corrected().equals(sample.lines());
                exact += same ? 1 : 0;
                valid += reading.valid() ? 1 : 0;
                // A valid zone that differs from the truth is a misreading check digits could not see.
                validButWrong += reading.valid() && !same ? 1 : 0;
                if (!same) {
                    System.out.println("photo " + i + ": " + sample.lines() + " read as " + reading.corrected()
                            + (reading.valid() ? " (valid)" : ""));
                }
            }
        }
        java.util.Arrays.sort(millis);
        System.out.printf(
                "MRZ OCR on %d generated photos: %d read exactly (%.1f %%), %d valid, %d valid but wrong;"
                        + " median %d ms a photo%n",
                PHOTOS, exact, 100.0 * exact / PHOTOS, valid, validButWrong, millis[PHOTOS / 2]);
        assertThat(exact).as("photos read exactly").isGreaterThanOrEqualTo(PHOTOS * 90 / 100);
        assertThat(validButWrong).as("valid readings that are wrong").isLessThanOrEqualTo(PHOTOS / 50);
    }
}
