package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openkyc.screening.matching.ListEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FollowTheMoney entities, one JSON object a line, as OpenSanctions publishes its collections. Read one line at a
 * time, since a file may be gigabytes: only what can become a listed entity, or a link to one, is kept.
 *
 * <ul>
 *   <li>A {@code Person}, {@code Organization}, {@code Company}, {@code PublicBody}, {@code LegalEntity},
 *       {@code Vessel} or {@code Airplane} with topic {@code sanction} is a SANCTION entity; with {@code role.pep}
 *       (and no sanction) a PEP; with {@code role.rca} a PEP exposed through a relative or associate, whose
 *       position is the tie (class RELATIVE_OR_ASSOCIATE) and whose relation names the PEP.
 *   <li>{@code Occupancy} ({@code holder}, {@code post}, {@code startDate}, {@code endDate}) of a {@code Position}
 *       ({@code name}, {@code country}, {@code topics}) is an office held, its class from the topics
 *       ({@link FtmTopics}); a PEP's {@code position} names without occupancy are offices of class OTHER and unknown
 *       dates.
 *   <li>{@code Family} ({@code person}, {@code relative}) and {@code Associate} ({@code person}, {@code associate})
 *       become {@link ListEntity.Relation}s on both sides, with the other's id when they are listed too.
 *   <li>{@code Sanction} entities give their {@code program} to the sanctioned entity's programmes.
 * </ul>
 *
 * Links may come before or after the entities they join, so they are resolved once the file is read. Every line must
 * be a JSON object with an {@code id} and a {@code schema}; any other line refuses the file, naming it (a file cut
 * off mid-line shows so; one cut at a line end cannot be told from a shorter file).
 */
final class FollowTheMoney {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> IDENTIFIERS = List.of(
            "idNumber",
            "passportNumber",
            "registrationNumber",
            "taxNumber",
            "innCode",
            "ogrnCode",
            "imoNumber",
            "leiCode",
            "swiftBic");

    /** A listable entity as read, before links are resolved. */
    private record Party(
            String id,
            String schema,
            Set<String> topics,
            List<String> names,
            List<String> birthDates,
            List<String> countries,
            @Nullable String gender,
            List<String> identifiers,
            List<String> positionNames) {}

    private record Post(String name, @Nullable String country, Set<String> topics) {}

    private record Occupancy(
            String holder,
            String post,
            @Nullable LocalDate start,
            @Nullable LocalDate end) {}

    private record Link(String person, String other, String relationship, boolean family) {}

    private final String file;
    private final String source;
    private final Limits limits;
    private final Map<String, Party> parties = new LinkedHashMap<>();
    private final Map<String, String> otherNames = new HashMap<>();
    private final Map<String, Post> posts = new HashMap<>();
    private final List<Occupancy> occupancies = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, Set<String>> programmes = new HashMap<>();
    private long kept;

    private FollowTheMoney(String file, String source, Limits limits) {
        this.file = file;
        this.source = source;
        this.limits = limits;
    }

    static ImportedList read(Path path, Limits limits, String source) throws IOException {
        FollowTheMoney reader = new FollowTheMoney(path.getFileName().toString(), source, limits);
        try (InputStream in = ListInput.open(path, limits)) {
            Utf8Lines lines = new Utf8Lines(in, reader.file);
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (!line.isBlank()) {
                    reader.line(lines.number(), line);
                }
            }
        }
        List<ListEntity> entities = reader.resolve();
        if (entities.isEmpty()) {
            throw new ListFormatException(reader.file + " holds no sanctioned or politically exposed entity");
        }
        return new ImportedList(ListFormat.FOLLOW_THE_MONEY, null, entities, 0, List.of());
    }

    private void line(int number, String line) throws ListFormatException {
        JsonNode entity;
        try {
            entity = JSON.readTree(line);
        } catch (JacksonException e) {
            String column =
                    e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr();
            throw new ListFormatException(
                    file + " line " + number + column + ": not a JSON object: " + e.getOriginalMessage(), e);
        }
        String id = entity == null ? "" : entity.path("id").asString("");
        String schema = entity == null ? "" : entity.path("schema").asString("");
        if (id.isEmpty() || schema.isEmpty()) {
            throw new ListFormatException(file + " line " + number + ": not a FollowTheMoney entity (no id or schema)");
        }
        JsonNode p = entity.path("properties");
        switch (schema) {
            case "Position" ->
                keep(() -> posts.put(id, new Post(first(p, "name"), country(p), Set.copyOf(all(p, "topics")))));
            case "Occupancy" -> {
                LocalDate start = PartialDate.day(file + " line " + number, first(p, "startDate"), false);
                LocalDate end = PartialDate.day(file + " line " + number, first(p, "endDate"), true);
                keep(() -> occupancies.add(new Occupancy(first(p, "holder"), first(p, "post"), start, end)));
            }
            case "Family" ->
                keep(() ->
                        links.add(new Link(first(p, "person"), first(p, "relative"), first(p, "relationship"), true)));
            case "Associate" ->
                keep(() -> links.add(
                        new Link(first(p, "person"), first(p, "associate"), first(p, "relationship"), false)));
            case "Sanction" -> {
                List<String> programs = all(p, "program");
                programs.addAll(all(p, "programId"));
                for (String target : all(p, "entity")) {
                    if (!programs.isEmpty()) {
                        keep(() -> programmes
                                .computeIfAbsent(target, k -> new LinkedHashSet<>())
                                .addAll(programs));
                    }
                }
            }
            default -> party(id, schema, p);
        }
    }

    private void party(String id, String schema, JsonNode p) throws ListFormatException {
        if (FtmTopics.schema(schema) == null) {
            return;
        }
        Set<String> topics = new LinkedHashSet<>(all(p, "topics"));
        Set<String> names = new LinkedHashSet<>();
        for (String field : List.of("name", "alias", "previousName")) {
            all(p, field).forEach(n -> add(names, n));
        }
        add(names, first(p, "firstName") + " " + first(p, "lastName"));
        if (names.isEmpty()) {
            return;
        }
        boolean listed =
                topics.contains(FtmTopics.SANCTION) || topics.contains(FtmTopics.PEP) || topics.contains(FtmTopics.RCA);
        if (!listed) {
            // an unlisted person may still be the relative a PEP's relation names
            keep(() -> otherNames.put(id, names.iterator().next()));
            return;
        }
        Set<String> countries = new LinkedHashSet<>();
        for (String field : List.of("country", "nationality", "citizenship", "jurisdiction")) {
            for (String c : all(p, field)) {
                Countries.code(c).ifPresent(countries::add);
            }
        }
        String gender = first(p, "gender").toLowerCase(Locale.ROOT);
        List<String> identifiers = new ArrayList<>();
        IDENTIFIERS.forEach(f -> identifiers.addAll(all(p, f)));
        Party party = new Party(
                id,
                schema,
                topics,
                List.copyOf(names),
                all(p, "birthDate"),
                List.copyOf(countries),
                gender.isEmpty() ? null : gender,
                List.copyOf(new LinkedHashSet<>(identifiers)),
                all(p, "position"));
        keep(() -> parties.put(id, party));
    }

    /** Counts what is kept in memory against {@link Limits#maxEntities()}. */
    private void keep(Runnable store) throws ListFormatException {
        if (++kept > limits.maxEntities()) {
            throw new ListFormatException(
                    file + " holds more than " + limits.maxEntities() + " entities and links, the limit");
        }
        store.run();
    }

    private List<ListEntity> resolve() {
        Map<String, List<ListEntity.Position>> held = new HashMap<>();
        for (Occupancy occupancy : occupancies) {
            Post post = posts.get(occupancy.post());
            if (post != null && !post.name().isEmpty()) {
                held.computeIfAbsent(occupancy.holder(), k -> new ArrayList<>())
                        .add(new ListEntity.Position(
                                post.name(),
                                post.country(),
                                FtmTopics.pepClass(post.topics()),
                                occupancy.start(),
                                occupancy.end()));
            }
        }
        Map<String, List<ListEntity.Relation>> relations = new HashMap<>();
        Map<String, List<ListEntity.Position>> ties = new HashMap<>();
        for (Link link : links) {
            String personName = name(link.person());
            String otherName = name(link.other());
            if (personName == null || otherName == null) {
                continue;
            }
            String word =
                    link.relationship().isEmpty() ? (link.family() ? "relative" : "associate") : link.relationship();
            relations
                    .computeIfAbsent(link.person(), k -> new ArrayList<>())
                    .add(new ListEntity.Relation(word, otherName, listedId(link.other())));
            relations
                    .computeIfAbsent(link.other(), k -> new ArrayList<>())
                    .add(new ListEntity.Relation(word + " of", personName, listedId(link.person())));
            tie(ties, link.other(), link.person(), capitalised(word) + " of " + personName);
            tie(ties, link.person(), link.other(), (link.family() ? "Relative of " : "Associate of ") + otherName);
        }
        List<ListEntity> out = new ArrayList<>();
        for (Party party : parties.values()) {
            boolean sanctioned = party.topics().contains(FtmTopics.SANCTION);
            boolean pep = party.topics().contains(FtmTopics.PEP);
            boolean rca = party.topics().contains(FtmTopics.RCA);
            List<ListEntity.Position> positions = new ArrayList<>();
            if (pep) {
                positions.addAll(held.getOrDefault(party.id(), List.of()));
                Set<String> titles = new LinkedHashSet<>(
                        positions.stream().map(ListEntity.Position::title).toList());
                for (String title : party.positionNames()) {
                    if (titles.add(title)) {
                        positions.add(new ListEntity.Position(
                                title,
                                party.countries().isEmpty()
                                        ? null
                                        : party.countries().getFirst(),
                                ListEntity.PepClass.OTHER,
                                null,
                                null));
                    }
                }
            }
            if (rca && !pep) {
                positions.addAll(ties.getOrDefault(party.id(), List.of()));
            }
            positions.sort(
                    Comparator.comparing(ListEntity.Position::start, Comparator.nullsLast(Comparator.reverseOrder())));
            out.add(new ListEntity(
                    party.id(),
                    source,
                    sanctioned ? ListEntity.ListType.SANCTION : ListEntity.ListType.PEP,
                    FtmTopics.schema(party.schema()),
                    party.names(),
                    List.copyOf(programmes.getOrDefault(party.id(), Set.of())),
                    party.birthDates(),
                    party.countries(),
                    party.gender(),
                    party.identifiers(),
                    List.of(),
                    positions,
                    relations.getOrDefault(party.id(), List.of())));
        }
        return out;
    }

    /** The tie of a relative or associate to a PEP, as their position. */
    private void tie(Map<String, List<ListEntity.Position>> ties, String rca, String pep, String title) {
        Party exposed = parties.get(pep);
        Party relative = parties.get(rca);
        if (exposed != null
                && exposed.topics().contains(FtmTopics.PEP)
                && relative != null
                && relative.topics().contains(FtmTopics.RCA)) {
            ties.computeIfAbsent(rca, k -> new ArrayList<>())
                    .add(new ListEntity.Position(
                            title,
                            exposed.countries().isEmpty()
                                    ? null
                                    : exposed.countries().getFirst(),
                            ListEntity.PepClass.RELATIVE_OR_ASSOCIATE,
                            null,
                            null));
        }
    }

    private @Nullable String name(String id) {
        Party party = parties.get(id);
        return party != null ? party.names().getFirst() : otherNames.get(id);
    }

    private @Nullable String listedId(String id) {
        return parties.containsKey(id) ? id : null;
    }

    private static @Nullable String country(JsonNode properties) {
        for (String c : all(properties, "country")) {
            if (Countries.code(c).isPresent()) {
                return Countries.code(c).get();
            }
        }
        return null;
    }

    private static List<String> all(JsonNode properties, String field) {
        List<String> out = new ArrayList<>();
        JsonNode values = properties.path(field);
        if (values.isArray()) {
            for (JsonNode value : values) {
                String v = value.isString() ? value.asString().strip() : "";
                if (!v.isEmpty()) {
                    out.add(v);
                }
            }
        } else if (values.isString() && !values.asString().isBlank()) {
            out.add(values.asString().strip());
        }
        return out;
    }

    private static String first(JsonNode properties, String field) {
        List<String> values = all(properties, field);
        return values.isEmpty() ? "" : values.getFirst();
    }

    private static void add(Set<String> names, String name) {
        String whole = name.replaceAll("\\s+", " ").strip();
        if (!whole.isEmpty()) {
            names.add(whole);
        }
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
