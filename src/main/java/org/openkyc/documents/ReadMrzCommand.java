package org.openkyc.documents;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openkyc.documents.mrz.Mrz;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code documents read-mrz --text TEXT}: parses a machine-readable zone and prints it as JSON, every check digit
 * with its result and {@code valid} true when the structure and all check digits are right. Reading a photo
 * ({@code --image FILE}) comes with the document check's OCR.
 */
public final class ReadMrzCommand {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReadMrzCommand() {}

    /** Runs the command; answers the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String text = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--text" -> text = i + 1 < args.length ? args[++i] : null;
                case "--image" -> {
                    err.println("read-mrz --image needs the OCR of the document check, which is not built yet;"
                            + " pass the lines with --text");
                    return 2;
                }
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
        if (text == null) {
            err.println(usage());
            return 2;
        }
        Mrz mrz;
        try {
            mrz = Mrz.parse(text);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
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
        out.println(JSON.writeValueAsString(json));
        return 0;
    }

    static String usage() {
        return "usage: java -jar openkyc.jar documents read-mrz --text 'LINE1\\nLINE2[\\nLINE3]'";
    }
}
