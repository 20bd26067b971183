package org.openkyc.documents.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;

/**
 * Tesseract through its C++ API, with one trained model. An engine instance is not thread-safe, so a few are kept
 * and lent out one call at a time; {@link #close} ends them.
 */
public final class Tesseract implements AutoCloseable {

    private final Path directory;
    private final String language;
    private final String whitelist;
    private final BlockingQueue<TessBaseAPI> idle;
    private final int size;
    private int created;

    /**
     * @param model a {@code .traineddata} file
     * @param whitelist the only characters to read, or empty for all the model knows
     * @param engines how many calls may run at once
     * @throws IllegalArgumentException when the model is not a readable file
     */
    public Tesseract(Path model, String whitelist, int engines) {
        if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
            throw new IllegalArgumentException("No trained model at " + model);
        }
        String file = model.getFileName().toString();
        if (!file.endsWith(".traineddata")) {
            throw new IllegalArgumentException("A trained model's file ends in .traineddata: " + model);
        }
        this.directory = model.toAbsolutePath().getParent();
        this.language = file.substring(0, file.length() - ".traineddata".length());
        this.whitelist = whitelist;
        this.size = engines;
        this.idle = new ArrayBlockingQueue<>(engines);
        lend(engine()).close();
    }

    /** The text Tesseract reads in a greyscale image, laid out as the given page segmentation mode says. */
    public String read(BufferedImage grey, int pageSegmentation) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("Tesseract is given 8-bit greyscale images");
        }
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        try (Lent lent = lend(engine())) {
            TessBaseAPI api = lent.api;
            api.SetPageSegMode(pageSegmentation);
            api.SetImage(pixels, grey.getWidth(), grey.getHeight(), 1, grey.getWidth());
            BytePointer text = api.GetUTF8Text();
            try {
                return text == null ? "" : text.getString(java.nio.charset.StandardCharsets.UTF_8);
            } finally {
                if (text != null) {
                    text.deallocate();
                }
                api.Clear();
            }
        }
    }

    private TessBaseAPI engine() {
        TessBaseAPI api = idle.poll();
        if (api != null) {
            return api;
        }
        synchronized (this) {
            if (created < size) {
                created++;
                return start();
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an OCR engine", e);
        }
    }

    private TessBaseAPI start() {
        TessBaseAPI api = new TessBaseAPI();
        if (api.Init(directory.toString(), language, tesseract.OEM_LSTM_ONLY) != 0) {
            api.close();
            throw new IllegalStateException("Tesseract cannot load " + language + " from " + directory);
        }
        api.SetVariable("debug_file", "/dev/null");
        if (!whitelist.isEmpty()) {
            api.SetVariable("tessedit_char_whitelist", whitelist);
        }
        return api;
    }

    private Lent lend(TessBaseAPI api) {
        return new Lent(api);
    }

    private final class Lent implements AutoCloseable {
        final TessBaseAPI api;

        Lent(TessBaseAPI api) {
            this.api = api;
        }

        @Override
        public void close() {
            idle.offer(api);
        }
    }

    @Override
    public void close() {
        TessBaseAPI api;
        while ((api = idle.poll()) != null) {
            api.End();
            api.close();
        }
    }
}
