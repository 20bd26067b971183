package org.openkyc.screening.lists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * The one place that tells what a file is, from its first bytes: the XML root element, the JSON or YAML shape, the
 * CSV header or first row. A file's name only serves to find the other files of an OFAC CSV set.
 *
 * <p>An XML prolog declaring a document type is refused here, before any reader sees the file: OpenKYC reads no
 * DTD, so a DOCTYPE can only be an attempt at entity expansion or at reading local files.
 */
final class Detection {

    /** How much of a file is looked at; the root element and a publication date come well before. */
    private static final int HEAD = 64 * 1024;

    private static final Pattern OFAC_TYPE = Pattern.compile("(?i)individual|vessel|aircraft|-0-|");

    /** What a file is. */
    enum Kind {
        /** A list in {@link Detected#format()}. */
        LIST,
        /** A part of a set that another file names, such as OFAC's {@code alt.csv}: not a list on its own. */
        PART,
        /** A ZIP archive that is not OFAC's enhanced XML: its files are to be extracted and read. */
        ARCHIVE,
        /** Not a list: any other file. */
        NONE
    }

    /**
     * @param format set for {@link Kind#LIST}
     * @param published the publisher's date, when the head of the file states it
     * @param what for a part or an unknown file, what it looks like, for a message
     */
    record Detected(
            Kind kind,
            @Nullable ListFormat format,
            @Nullable Instant published,
            String what) {

        static Detected list(ListFormat format, @Nullable Instant published) {
            return new Detected(Kind.LIST, format, published, format.description());
        }

        static Detected none(String what) {
            return new Detected(Kind.NONE, null, null, what);
        }
    }

    private Detection() {}

    /**
     * @throws ListFormatException when the file is empty, over {@link Limits#maxFileBytes()}, cut off in its gzip
     *     header, or XML with a DOCTYPE or broken before its root element
     */
    static Detected detect(Path file, Limits limits) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size == 0) {
            throw new ListFormatException(name + " is empty");
        }
        if (size > limits.maxFileBytes()) {
            throw new ListFormatException(
                    name + " is " + size + " bytes, more than the limit of " + limits.maxFileBytes());
        }
        if (ListInput.zip(file)) {
            return zip(file, limits);
        }
        byte[] head;
        try (InputStream in = ListInput.open(file, limits)) {
            head = in.readNBytes(HEAD);
        }
        if (head.length == 0) {
            throw new ListFormatException(name + " is empty");
        }
        return content(name, head);
    }

    private static Detected zip(Path file, Limits limits) throws IOException {
        String name = file.getFileName().toString();
        try (ZipInputStream zip =
                new ZipInputStream(ListInput.limited(Files.newInputStream(file), limits.maxFileBytes(), name))) {
            int entries = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxZipEntries()) {
                    break;
                }
                if (!entry.isDirectory()
                        && entry.getName().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    byte[] head = ListInput.limited(zip, limits.maxDecompressedBytes(), name)
                            .readNBytes(HEAD);
                    Detected inside = content(name + "!" + entry.getName(), head);
                    if (inside.format() == ListFormat.OFAC_ENHANCED_XML) {
                        return inside;
                    }
                    break;
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new ListFormatException(name + ": not a readable ZIP archive (" + e.getMessage() + ")", e);
        }
        return new Detected(Kind.ARCHIVE, null, null, "a ZIP archive");
    }

    /** What the first bytes of a file (inflated, without byte order mark) say it is. */
    static Detected content(String name, byte[] head) throws ListFormatException {
        String text = new String(head, StandardCharsets.UTF_8);
        String start = text.stripLeading();
        if (text.indexOf('\0') >= 0 && !start.startsWith("<")) {
            return Detected.none("binary data");
        }
        if (start.startsWith("<")) {
            return xml(name, head);
        }
        if (start.startsWith("{")) {
            return json(start);
        }
        String yaml = start.replaceAll("(?m)\\A(?:(?:#.*|---\\s*)\\R)+", "");
        if (yaml.startsWith("- ")
                && text.contains("terms:")
                && (text.contains("bioguide:") || text.contains("govtrack:"))) {
            return Detected.list(ListFormat.US_CONGRESS_YAML, null);
        }
        return tabular(text);
    }

    private static Detected json(String start) {
        if (Pattern.compile("\"persons\"\\s*:\\s*\\[").matcher(start).find()) {
            return Detected.list(ListFormat.POPOLO_JSON, null);
        }
        String first = start.lines().findFirst().orElse("");
        if (Pattern.compile("\"schema\"\\s*:\\s*\"[A-Z]").matcher(first).find()
                && Pattern.compile("\"id\"\\s*:").matcher(first).find()) {
            return Detected.list(ListFormat.FOLLOW_THE_MONEY, null);
        }
        return Detected.none("a JSON file, neither FollowTheMoney entities nor Popolo");
    }

    private static Detected tabular(String text) {
        List<String> lines = text.lines().limit(3).toList();
        if (lines.isEmpty()) {
            return Detected.none("an empty text");
        }
        String first = lines.getFirst();
        if (lines.stream().anyMatch(l -> l.contains("Group ID"))) {
            Matcher updated =
                    Pattern.compile("Last Updated,\"?(\\d{2}/\\d{2}/\\d{4})").matcher(first);
            return Detected.list(ListFormat.UK_OFSI_CSV, updated.find() ? day(updated.group(1), "dd/MM/yyyy") : null);
        }
        char delimiter = first.contains("\t") ? '\t' : ',';
        List<String> values = CsvRows.parse(first, delimiter);
        List<String> header = (values == null ? List.of(first.split(String.valueOf(delimiter))) : values)
                .stream().map(CsvRows::headerKey).toList();
        if (header.contains("_id") && header.contains("source") && header.contains("alt_names")) {
            return Detected.list(ListFormat.US_CSL_CSV, null);
        }
        if (first.contains("\t")
                && header.contains("name")
                && header.contains("country")
                && header.contains("effective_date")) {
            return Detected.list(ListFormat.BIS_DPL, null);
        }
        if (header.size() > 1 && header.getFirst().matches("\\d+")) {
            return ofac(header);
        }
        if (header.contains("name")) {
            return Detected.list(ListFormat.OWN_LIST_CSV, null);
        }
        return Detected.none("a text file whose first line is no list's header");
    }

    /** OFAC's CSV set has no header: its files are told apart by their width and the values of the first row. */
    private static Detected ofac(List<String> row) {
        if (row.size() == 12 && OFAC_TYPE.matcher(row.get(2)).matches()) {
            return Detected.list(ListFormat.OFAC_CSV, null);
        }
        if (row.size() == 5 && row.get(2).matches("aka|fka|nka")) {
            return new Detected(Kind.PART, null, null, "the aliases of an OFAC CSV set");
        }
        if (row.size() == 6 || row.size() == 2) {
            return new Detected(Kind.PART, null, null, "the addresses or remarks of an OFAC CSV set");
        }
        return Detected.none("a CSV file without header");
    }

    private static Detected xml(String name, byte[] head) throws ListFormatException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        String root = null;
        Instant published = null;
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(head));
            String element = "";
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new ListFormatException(name + " declares a document type (DOCTYPE), which OpenKYC does"
                            + " not read: it serves only to expand entities or fetch other files");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    element = xml.getLocalName();
                    if (root == null) {
                        root = element;
                        published = rootDate(xml);
                        if (!root.equals("Designations") && !root.equals("sanctionsData")) {
                            break;
                        }
                    } else if (element.equals("Designation") || element.equals("entity")) {
                        break;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS && published == null && root != null) {
                    if (element.equals("DateGenerated")) {
                        published = day(xml.getText().strip(), "dd/MM/yyyy");
                    } else if (element.equals("dataAsOf")) {
                        published = instant(xml.getText().strip());
                    }
                }
            }
        } catch (XMLStreamException e) {
            if (root == null) {
                throw new ListFormatException(
                        name
                                + (e.getLocation() == null
                                        ? ""
                                        : " line " + e.getLocation().getLineNumber()) + ": not well-formed XML: "
                                + e.getMessage(),
                        e);
            }
            // the head ends mid-document: what was seen is enough
        }
        if (root == null) {
            return Detected.none("an XML file without element");
        }
        return switch (root) {
            case "CONSOLIDATED_LIST" -> Detected.list(ListFormat.UN_XML, published);
            case "export" -> Detected.list(ListFormat.EU_XML, published);
            case "Designations" -> Detected.list(ListFormat.UK_FCDO_XML, published);
            case "sanctionsData" -> Detected.list(ListFormat.OFAC_ENHANCED_XML, published);
            default -> Detected.none("an XML file with root element " + root);
        };
    }

    private static @Nullable Instant rootDate(XMLStreamReader xml) {
        for (String attribute : List.of("dateGenerated", "generationDate")) {
            String value = xml.getAttributeValue(null, attribute);
            if (value != null) {
                return instant(value.strip());
            }
        }
        return null;
    }

    /** An ISO date-time with or without offset (without taken as UTC), or a date; null when it is neither. */
    static @Nullable Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // no offset
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // a date alone
        }
        return day(value, "yyyy-MM-dd");
    }

    private static @Nullable Instant day(String value, String pattern) {
        try {
            return LocalDate.parse(value, DateTimeFormatter.ofPattern(pattern, Locale.ROOT))
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
