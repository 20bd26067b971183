package org.openkyc;

import java.io.PrintStream;
import java.util.Arrays;
import org.openkyc.biometrics.FacesCompareCommand;
import org.openkyc.documents.ReadMrzCommand;
import org.openkyc.screening.ScorePairsCommand;
import org.openkyc.screening.ScreenCommand;

/** Tools run from the jar without starting the server: {@code java -jar openkyc.jar <command> …}. */
final class OpenKycCommands {

    private OpenKycCommands() {}

    /** Whether the arguments name a command rather than server settings. */
    static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args[0].equals("doctor")) {
            return DoctorCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        String[] rest = Arrays.copyOfRange(args, Math.min(2, args.length), args.length);
        String command = args.length > 1 ? args[0] + " " + args[1] : args[0];
        return switch (command) {
            case "documents read-mrz" -> ReadMrzCommand.run(rest, out, err);
            case "faces compare" -> FacesCompareCommand.run(rest, out, err);
            case "screening score-pairs" -> ScorePairsCommand.run(rest, out, err);
            case "screening screen" -> ScreenCommand.run(rest, out, err);
            case "lists import" -> ListsImportCommand.run(rest, out, err);
            default -> {
                err.println("Unknown command: " + command
                        + "\nCommands: doctor, documents read-mrz, faces compare, lists import, screening score-pairs,"
                        + " screening screen");
                yield 2;
            }
        };
    }
}
