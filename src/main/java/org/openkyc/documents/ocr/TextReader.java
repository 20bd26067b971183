package org.openkyc.documents.ocr;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.tesseract.global.tesseract;

/** Reads the text of a page or a document side with a general Tesseract model (English by default). */
public final class TextReader implements AutoCloseable {

    /** Pages are read at about this width in pixels. */
    private static final int WIDTH = 2000;

    private final Tesseract engine;

    public TextReader(Path model, int engines) {
        this.engine = new Tesseract(model, "", engines);
    }

    public String read(BufferedImage page) {
        double scale = page.getWidth() < WIDTH ? Math.min(3.0, (double) WIDTH / page.getWidth()) : 1.0;
        return engine.read(MrzLocator.grey(page, scale), tesseract.PSM_AUTO);
    }

    @Override
    public void close() {
        engine.close();
    }
}
