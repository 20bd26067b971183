package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The YAML of the unitedstates/congress-legislators project: {@code legislators-current.yaml} (members of Congress,
 * source {@code US_CONGRESS}) and {@code executive.yaml} (presidents and vice presidents, source
 * {@code US_EXECUTIVE}). The two files are separate uploads and separate list versions, so each keeps its own source;
 * a person in both (a vice president who had been a senator) is two entities, each with the offices of its file.
 *
 * <p>The id is the bioguide id, or {@code govtrack-N} for the few early presidents without one. Every term becomes a
 * {@link ListEntity.Position}, newest first, country US: "United States Senator for WA" or "Member of the US House of
 * Representatives for WA-1" (LEGISLATOR), "President of the United States" or "Vice President of the United States"
 * (HEAD_OF_STATE_OR_GOVERNMENT). A term's end is kept as the file gives it, in the future for a term being served.
 * The latest term's chamber and state are also the entity's programmes: {@code ["US Senate", "WA"]}.
 *
 * <p>The YAML is read as plain nodes (no types, no aliases beyond a few), and a record missing what every record has
 * (an id, a last name, terms with a type and a start) refuses the file naming its line: that is how a file cut off
 * mid-record shows.
 */
final class UsCongressYaml {

    /** The files use no aliases; a few are allowed, many are an attempt at exponential expansion. */
    private static final int MAX_ALIASES = 10;

    private UsCongressYaml() {}

    static ImportedList read(Path file, Limits limits) throws IOException {
        String name = file.getFileName().toString();
        String text = ListInput.utf8(ListInput.bytes(file, limits), name, 1, 0);
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(text.length() + 1L, 3L << 20)));
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ListFormatException(
                    name + " line " + (e.getProblemMark().getLine() + 1) + ": not well-formed YAML: " + e.getProblem(),
                    e);
        } catch (YAMLException e) {
            if (String.valueOf(e.getMessage()).contains("aliases")) {
                throw new ListFormatException(
                        name + " refers to collections by alias more than " + MAX_ALIASES
                                + " times, which could expand without bound: refused",
                        e);
            }
            throw new ListFormatException(name + ": not well-formed YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof SequenceNode people) || people.getValue().isEmpty()) {
            throw new ListFormatException(name + " is not a YAML list of people");
        }
        List<ListEntity> out = new ArrayList<>();
        boolean executive = false;
        for (Node person : people.getValue()) {
            ListEntity entity = person(name, person);
            executive |= entity.source().equals("US_EXECUTIVE");
            out.add(entity);
        }
        if (executive) {
            // a file is one list: a legislator-looking record in the executive file is still of the executive
            out.replaceAll(e -> e.withSource("US_EXECUTIVE"));
        }
        return new ImportedList(ListFormat.US_CONGRESS_YAML, null, out, 0, List.of());
    }

    private static ListEntity person(String file, Node node) throws ListFormatException {
        MappingNode person = mapping(file, node, "a person");
        MappingNode ids = mapping(file, required(file, person, "id"), "id");
        MappingNode name = mapping(file, required(file, person, "name"), "name");
        @Nullable Node bio = get(person, "bio");
        String id = text(ids, "bioguide");
        if (id.isEmpty()) {
            id = text(ids, "govtrack").isEmpty() ? "" : "govtrack-" + text(ids, "govtrack");
        }
        String last = text(name, "last");
        if (id.isEmpty() || last.isEmpty()) {
            throw new ListFormatException(file + " line " + line(node) + ": a person without id or last name");
        }
        Set<String> names = new LinkedHashSet<>();
        String first = text(name, "first");
        String middle = text(name, "middle");
        String suffix = text(name, "suffix");
        add(names, text(name, "official_full"));
        add(names, first + " " + last);
        add(names, first + " " + middle + " " + last);
        add(names, text(name, "nickname") + (text(name, "nickname").isEmpty() ? "" : " " + last));
        if (!suffix.isEmpty()) {
            add(names, first + " " + last + " " + suffix);
        }
        List<ListEntity.Position> positions = new ArrayList<>();
        @Nullable Node termsNode = get(person, "terms");
        if (!(termsNode instanceof SequenceNode terms) || terms.getValue().isEmpty()) {
            throw new ListFormatException(file + " line " + line(node) + ": " + id + " has no terms");
        }
        boolean executive = false;
        MappingNode latest = null;
        for (Node termNode : terms.getValue()) {
            MappingNode term = mapping(file, termNode, "a term");
            String type = text(term, "type");
            executive |= type.equals("prez") || type.equals("viceprez");
            positions.add(position(file, term, type));
            if (latest == null || text(term, "start").compareTo(text(latest, "start")) >= 0) {
                latest = term;
            }
        }
        positions.sort(
                Comparator.comparing(ListEntity.Position::start, Comparator.nullsLast(Comparator.reverseOrder())));
        String birthday = bio instanceof MappingNode b ? text(b, "birthday") : "";
        String gender = bio instanceof MappingNode b ? text(b, "gender").toUpperCase(Locale.ROOT) : "";
        List<String> programmes = switch (text(latest, "type")) {
            case "sen" -> List.of("US Senate", text(latest, "state"));
            case "rep" -> List.of("US House of Representatives", text(latest, "state"));
            default -> List.of("US Executive");
        };
        return new ListEntity(
                id,
                executive ? "US_EXECUTIVE" : "US_CONGRESS",
                ListEntity.ListType.PEP,
                NameNormaliser.Schema.PERSON,
                List.copyOf(names),
                programmes,
                birthday.isEmpty() ? List.of() : List.of(birthday),
                List.of("US"),
                gender.equals("F") ? "female" : gender.equals("M") ? "male" : null,
                List.of(),
                List.of(),
                positions,
                List.of());
    }

    private static ListEntity.Position position(String file, MappingNode term, String type) throws ListFormatException {
        String state = text(term, "state");
        String title = switch (type) {
            case "sen" -> "United States Senator for " + state;
            case "rep" ->
                "Member of the US House of Representatives for " + state
                        + (text(term, "district").isEmpty() ? "" : "-" + text(term, "district"));
            case "prez" -> "President of the United States";
            case "viceprez" -> "Vice President of the United States";
            default ->
                throw new ListFormatException(file + " line " + line(term) + ": a term of unknown type '" + type + "'");
        };
        ListEntity.PepClass pepClass = type.equals("sen") || type.equals("rep")
                ? ListEntity.PepClass.LEGISLATOR
                : ListEntity.PepClass.HEAD_OF_STATE_OR_GOVERNMENT;
        LocalDate start = date(file, term, "start");
        if (start == null) {
            throw new ListFormatException(file + " line " + line(term) + ": a term without start");
        }
        return new ListEntity.Position(title, "US", pepClass, start, date(file, term, "end"));
    }

    private static @Nullable LocalDate date(String file, MappingNode term, String key) throws ListFormatException {
        String value = text(term, key);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ListFormatException(
                    file + " line " + line(get(term, key)) + ": " + key + " '" + value + "' is not a date", e);
        }
    }

    private static void add(Set<String> names, String name) {
        String whole = name.replaceAll("\\s+", " ").strip();
        if (!whole.isEmpty()) {
            names.add(whole);
        }
    }

    private static MappingNode mapping(String file, Node node, String what) throws ListFormatException {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw new ListFormatException(file + " line " + line(node) + ": " + what + " is not a mapping");
    }

    private static Node required(String file, MappingNode mapping, String key) throws ListFormatException {
        Node value = get(mapping, key);
        if (value == null) {
            throw new ListFormatException(file + " line " + line(mapping) + ": no " + key);
        }
        return value;
    }

    private static @Nullable Node get(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    /** A scalar's text, empty when absent or not a scalar. */
    private static String text(MappingNode mapping, String key) {
        return get(mapping, key) instanceof ScalarNode scalar
                ? scalar.getValue().strip()
                : "";
    }

    private static int line(@Nullable Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
