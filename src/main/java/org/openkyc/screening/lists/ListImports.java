package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.openkyc.screening.matching.ListEntity;

/**
 * Reads one uploaded list, whatever its name, by what its content is ({@link Detection}): a file of any
 * {@link ListFormat}, gzipped or not; a ZIP (OFAC's enhanced XML is read from inside it, any other archive is
 * unpacked within the limits and read as a folder); or a folder holding one list (an OFAC CSV set counts as one).
 *
 * <p>The answer is all or nothing: every failure, from a malformed file to a limit passed, ends in a
 * {@link ListFormatException} whose message names the file and the line, element or reason, and never in a partial
 * list. The one exception is a publisher CSV's malformed single rows, skipped and counted in
 * {@link ImportedList#skipped()} up to {@link RowSkips#MAX_SHARE} of the file.
 */
public final class ListImports {

    private ListImports() {}

    /** Reads with each format's default source name, and no default country. */
    public static ImportedList read(Path fileOrFolder, Limits limits) throws IOException {
        return read(fileOrFolder, limits, null, null);
    }

    /**
     * @param source the source name the entities carry; when null, the format's {@link ListFormat#defaultSource()}
     *     (refined by the publisher readers, such as OFAC_CONS) or, for an operator's own list, the file's name
     * @param defaultCountry ISO alpha-2 code given to offices whose file does not say the country (Popolo)
     * @throws ListFormatException when the upload cannot be read in full: "not a list OpenKYC can read: …" when it is
     *     in no known format
     */
    public static ImportedList read(
            Path fileOrFolder, Limits limits, @Nullable String source, @Nullable String defaultCountry)
            throws IOException {
        if (Files.isDirectory(fileOrFolder)) {
            return folder(fileOrFolder, limits, source, defaultCountry);
        }
        if (!Files.isRegularFile(fileOrFolder)) {
            throw new ListFormatException(fileOrFolder + " is not a file or folder that can be read");
        }
        Detection.Detected detected = Detection.detect(fileOrFolder, limits);
        return switch (detected.kind()) {
            case LIST -> read(fileOrFolder, detected, limits, source, defaultCountry);
            case ARCHIVE -> archive(fileOrFolder, limits, source, defaultCountry);
            case PART ->
                throw new ListFormatException(fileOrFolder.getFileName() + " is " + detected.what()
                        + ", not a list on its own: upload it with the set's main file, zipped");
            case NONE ->
                throw new ListFormatException(
                        "not a list OpenKYC can read: " + fileOrFolder.getFileName() + " is " + detected.what());
        };
    }

    private static ImportedList folder(
            Path folder, Limits limits, @Nullable String source, @Nullable String defaultCountry) throws IOException {
        List<Path> lists = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Path file : ListFiles.files(folder)) {
            if (Files.size(file) == 0) {
                continue;
            }
            Detection.Detected detected = Detection.detect(file, limits);
            if (detected.kind() == Detection.Kind.LIST || detected.kind() == Detection.Kind.ARCHIVE) {
                if (!ListFiles.shadowed(file, detected)) {
                    lists.add(file);
                }
            } else if (detected.kind() == Detection.Kind.PART) {
                parts.add(folder.relativize(file).toString());
            }
        }
        if (lists.size() == 1) {
            return read(lists.getFirst(), limits, source, defaultCountry);
        }
        if (lists.isEmpty()) {
            throw new ListFormatException("not a list OpenKYC can read: " + folder.getFileName()
                    + (parts.isEmpty()
                            ? " holds no list"
                            : " holds only parts of an OFAC CSV set (" + String.join(", ", parts)
                                    + ") without its sdn.csv or cons_prim.csv"));
        }
        throw new ListFormatException(folder.getFileName() + " holds " + lists.size() + " lists ("
                + String.join(
                        ", ",
                        lists.stream().map(f -> folder.relativize(f).toString()).toList())
                + "): upload one at a time");
    }

    private static ImportedList archive(
            Path zip, Limits limits, @Nullable String source, @Nullable String defaultCountry) throws IOException {
        Path folder = ZipUploads.extract(zip, limits);
        try {
            return folder(folder, limits, source, defaultCountry);
        } finally {
            ZipUploads.delete(folder);
        }
    }

    /** Reads a file already recognised as a list, with its format's reader; how {@link ListFiles} reads too. */
    static ImportedList read(
            Path file, Detection.Detected detected, Limits limits, @Nullable String source, @Nullable String country)
            throws IOException {
        ListFormat format = detected.format();
        if (format == null) {
            throw new IllegalArgumentException(file + " is not a list");
        }
        String name = file.getFileName().toString();
        ImportedList read;
        try {
            read = switch (format) {
                case UN_XML -> whole(format, file, limits, in -> UnConsolidatedList.read(in));
                case EU_XML -> whole(format, file, limits, in -> EuSanctionsList.read(in));
                case UK_FCDO_XML -> whole(format, file, limits, in -> UkSanctionsListXml.read(in));
                case OFAC_ENHANCED_XML -> ofacEnhanced(file, limits);
                case OFAC_CSV ->
                    OfacCsvList.read(
                            file,
                            source != null
                                    ? source
                                    : name.toLowerCase(Locale.ROOT).startsWith("cons") ? "OFAC_CONS" : "OFAC_SDN",
                            limits);
                case US_CSL_CSV -> CsvLists.consolidatedScreeningList(file, limits);
                case BIS_DPL -> CsvLists.deniedPersons(file, limits);
                case UK_OFSI_CSV -> new ImportedList(format, null, UkSanctionsList.read(file, limits), 0, List.of());
                case OWN_LIST_CSV -> CsvLists.generic(file, source == null ? name : source, limits);
                case US_CONGRESS_YAML -> UsCongressYaml.read(file, limits);
                case POPOLO_JSON ->
                    PopoloJson.read(file, limits, source == null ? format.defaultSource() : source, country);
                case FOLLOW_THE_MONEY ->
                    FollowTheMoney.read(file, limits, source == null ? format.defaultSource() : source);
            };
        } catch (ListFormatException e) {
            throw named(name, e.getMessage(), e);
        } catch (CharacterCodingException e) {
            throw named(name, "not valid text in its encoding", e);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw named(name, "cut off or corrupt (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            // a parser's unchecked failure on hostile input: still a refusal, never a partial list
            ListFormatException cause = cause(e);
            throw named(
                    name,
                    cause != null ? cause.getMessage() : e.getMessage() != null ? e.getMessage() : e.toString(),
                    e);
        }
        if (read.entities().size() > limits.maxEntities()) {
            throw new ListFormatException(name + " holds " + read.entities().size()
                    + " entities, more than the limit of " + limits.maxEntities());
        }
        if (read.entities().isEmpty()) {
            throw new ListFormatException(name + " holds no entities");
        }
        return new ImportedList(
                format,
                detected.published() != null ? detected.published() : read.published(),
                source == null ? read.entities() : withSource(read.entities(), source),
                read.skipped(),
                read.skippedReasons());
    }

    /** Readers that take a stream and fail with their own messages, which gain the file's name. */
    private interface StreamReader {
        List<ListEntity> read(InputStream in) throws IOException;
    }

    private static ImportedList whole(ListFormat format, Path file, Limits limits, StreamReader reader)
            throws IOException {
        try (InputStream in = ListInput.open(file, limits)) {
            return new ImportedList(format, null, reader.read(in), 0, List.of());
        }
    }

    private static ImportedList ofacEnhanced(Path file, Limits limits) throws IOException {
        if (!ListInput.zip(file)) {
            return whole(ListFormat.OFAC_ENHANCED_XML, file, limits, OfacEnhancedXml::read);
        }
        String name = file.getFileName().toString();
        try (ZipInputStream zip =
                new ZipInputStream(ListInput.limited(Files.newInputStream(file), limits.maxFileBytes(), name))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (ZipUploads.isXml(entry)) {
                    return new ImportedList(
                            ListFormat.OFAC_ENHANCED_XML,
                            null,
                            OfacEnhancedXml.read(ListInput.limited(zip, limits.maxDecompressedBytes(), name)),
                            0,
                            List.of());
                }
            }
        }
        throw new ListFormatException(name + " holds no XML file");
    }

    private static List<ListEntity> withSource(List<ListEntity> entities, String source) {
        return entities.stream().map(e -> e.withSource(source)).toList();
    }

    private static @Nullable ListFormatException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ListFormatException l) {
                return l;
            }
        }
        return null;
    }

    private static ListFormatException named(String name, String message, Throwable cause) {
        return new ListFormatException(message.startsWith(name) ? message : name + ": " + message, cause);
    }
}
