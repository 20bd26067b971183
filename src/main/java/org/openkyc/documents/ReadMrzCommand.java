package org.openkyc.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openkyc.documents.mrz.Mrz;
import org.openkyc.documents.ocr.MrzReader;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code documents read-mrz (--text TEXT | --image FILE)}: reads a machine-readable zone, from its lines or from a
 * photo of the document, and prints it as JSON: every check digit with its result, {@code valid} true when the
 * structure and all check digits are right, and for photos the OCR lines as read before correction
 * ({@code ocrLines}).
 */
public final class ReadMrzCommand {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReadMrzCommand() {}

    /** Runs the command; answers the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String text = null;
        Path image = null;
        Path model = defaultModel();
        for (int i = 0; i < args.length; i++) {
            boolean valued = i + 1 < args.length;
            switch (args[i]) {
                case "--text" -> text = valued ? args[++i] : null;
                case "--image" -> image = valued ? Path.of(args[++i]) : null;
                case "--model" -> model = valued ? Path.of(args[++i]) : model;
                case "--help", "-h" -> {
                    out.println(usage());
                    return 0;
                }
                default -> {
                    err.println("Unknown option " + args[i] + "\n" + usage());
                    return 2;
                }
            }
        }
        if ((text == null) == (image == null)) {
            err.println(usage());
            return 2;
        }
        Mrz mrz;
        List<String> raw = null;
        if (image != null) {
            BufferedImage photo;
            try {
                photo = ImageIO.read(image.toFile());
            } catch (IOException e) {
                photo = null;
            }
            if (photo == null) {
                err.println("Cannot read an image from " + image);
                return 1;
            }
            MrzReader.Reading reading;
            try (MrzReader reader = new MrzReader(model, 1)) {
                reading = reader.read(photo);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage() + " (give the MRZ model with --model FILE or OPENKYC_OCR_MRZ_MODEL)");
                return 2;
            }
            raw = reading.raw();
            mrz = reading.mrz();
            if (mrz == null) {
                err.println("No machine-readable zone found in " + image + "; OCR read: " + raw);
                return 1;
            }
        } else {
            try {
                mrz = Mrz.parse(text);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", mrz.format());
        json.put("documentType", mrz.documentType());
        json.put("issuingState", mrz.issuingState());
        json.put("surname", mrz.surname());
        json.put("givenNames", mrz.givenNames());
        json.put("documentNumber", mrz.documentNumber());
        json.put("nationality", mrz.nationality());
        json.put("birthDate", mrz.birthDate());
        json.put("sex", mrz.sex());
        json.put("expiryDate", mrz.expiryDate());
        json.put("optionalData", mrz.optionalData());
        json.put("optionalData2", mrz.optionalData2());
        json.put("checks", mrz.checks());
        json.put("valid", mrz.valid());
        json.put("problems", mrz.problems());
        if (raw != null) {
            json.put("ocrLines", raw);
        }
        out.println(JSON.writeValueAsString(json));
        return 0;
    }

    static String usage() {
        return "usage: java -jar openkyc.jar documents read-mrz (--text 'LINE1\\nLINE2[\\nLINE3]' | --image FILE"
                + " [--model mrz.traineddata])";
    }

    /** {@code OPENKYC_OCR_MRZ_MODEL}, else the model in the default data folder. */
    private static Path defaultModel() {
        String configured = System.getenv("OPENKYC_OCR_MRZ_MODEL");
        return configured == null || configured.isBlank()
                ? Path.of("data", "ocr", "mrz.traineddata")
                : Path.of(configured);
    }
}
