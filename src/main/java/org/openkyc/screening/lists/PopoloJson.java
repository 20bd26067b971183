package org.openkyc.screening.lists;

import java.io.IOException;
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
import org.openkyc.screening.matching.NameNormaliser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Legislators in Popolo JSON, the format of EveryPolitician: {@code persons}, {@code organizations},
 * {@code memberships}, {@code posts}, {@code areas} and {@code events}. A membership of an organization classified
 * {@code legislature} is a LEGISLATOR {@link ListEntity.Position}: its {@code label} (or its post's), else its role
 * and the legislature's name with the area's ("Member of Riigikogu for Tallinn"); its dates, else those of its
 * legislative period ({@code legislative_period_id}, an event). A date of only a year or month starts on its first
 * day and ends on its last.
 *
 * <p>Popolo has no field for a country: it is taken from a {@code country_code} or {@code country} of the area or the
 * organization where the file has one, else the caller's default. Persons without a legislature membership (party
 * officials, staff) are not politically exposed by this file and are left out. Ids are the file's person ids.
 */
final class PopoloJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PopoloJson() {}

    static ImportedList read(Path file, Limits limits, String source, @Nullable String defaultCountry)
            throws IOException {
        String name = file.getFileName().toString();
        String text = ListInput.utf8(ListInput.bytes(file, limits), name, 1, 0);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            String at = e.getLocation() == null
                    ? ""
                    : " line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new ListFormatException(name + at + ": not well-formed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("persons").isArray()) {
            throw new ListFormatException(name + " has no persons: not Popolo JSON");
        }
        Map<String, JsonNode> organizations = byId(root, "organizations");
        Map<String, JsonNode> areas = byId(root, "areas");
        Map<String, JsonNode> events = byId(root, "events");
        Map<String, JsonNode> posts = byId(root, "posts");
        Map<String, List<ListEntity.Position>> positions = new HashMap<>();
        int index = 0;
        for (JsonNode membership : root.path("memberships")) {
            index++;
            JsonNode post = posts.get(membership.path("post_id").asString(""));
            String organizationId = membership.path("organization_id").asString("");
            if (organizationId.isEmpty() && post != null) {
                organizationId = post.path("organization_id").asString("");
            }
            JsonNode organization = organizations.get(organizationId);
            if (organization == null
                    || !organization.path("classification").asString("").equalsIgnoreCase("legislature")) {
                continue;
            }
            String person = membership.path("person_id").asString("");
            if (person.isEmpty()) {
                throw new ListFormatException(name + ": membership " + index + " has no person_id");
            }
            String areaId = membership
                    .path("area_id")
                    .asString(post == null ? "" : post.path("area_id").asString(""));
            JsonNode area = areas.get(areaId);
            JsonNode period =
                    events.get(membership.path("legislative_period_id").asString(""));
            String title = title(membership, post, organization, area);
            String country = country(area, organization, defaultCountry);
            LocalDate start = PartialDate.day(name, first(membership, period, "start_date"), false);
            LocalDate end = PartialDate.day(name, first(membership, period, "end_date"), true);
            positions
                    .computeIfAbsent(person, k -> new ArrayList<>())
                    .add(new ListEntity.Position(title, country, ListEntity.PepClass.LEGISLATOR, start, end));
        }
        List<ListEntity> out = new ArrayList<>();
        for (JsonNode person : root.path("persons")) {
            String id = person.path("id").asString("");
            List<ListEntity.Position> held = positions.getOrDefault(id, List.of());
            if (held.isEmpty()) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            add(names, person.path("name").asString(""));
            add(
                    names,
                    person.path("given_name").asString("") + " "
                            + person.path("family_name").asString(""));
            for (JsonNode other : person.path("other_names")) {
                add(names, other.path("name").asString(""));
            }
            if (names.isEmpty()) {
                throw new ListFormatException(name + ": person " + id + " has no name");
            }
            List<ListEntity.Position> sorted = new ArrayList<>(new LinkedHashSet<>(held));
            sorted.sort(
                    Comparator.comparing(ListEntity.Position::start, Comparator.nullsLast(Comparator.reverseOrder())));
            String birth = person.path("birth_date").asString("");
            String gender = person.path("gender").asString("").toLowerCase(Locale.ROOT);
            out.add(new ListEntity(
                    id,
                    source,
                    ListEntity.ListType.PEP,
                    NameNormaliser.Schema.PERSON,
                    List.copyOf(names),
                    List.of(),
                    birth.isEmpty() ? List.of() : List.of(birth),
                    sorted.stream()
                            .map(ListEntity.Position::country)
                            .filter(c -> c != null)
                            .distinct()
                            .toList(),
                    gender.isEmpty() ? null : gender,
                    List.of(),
                    List.of(),
                    sorted,
                    List.of()));
        }
        if (out.isEmpty()) {
            throw new ListFormatException(name + " has no person with a legislature membership");
        }
        return new ImportedList(ListFormat.POPOLO_JSON, null, out, 0, List.of());
    }

    private static String title(
            JsonNode membership, @Nullable JsonNode post, JsonNode organization, @Nullable JsonNode area) {
        String label = membership.path("label").asString("");
        if (label.isEmpty() && post != null) {
            label = post.path("label").asString("");
        }
        if (!label.isEmpty()) {
            return label;
        }
        String role = membership.path("role").asString("member");
        String title = role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1) + " of "
                + organization.path("name").asString("the legislature");
        String areaName = area == null ? "" : area.path("name").asString("");
        return areaName.isEmpty() ? title : title + " for " + areaName;
    }

    private static @Nullable String country(
            @Nullable JsonNode area, JsonNode organization, @Nullable String defaultCountry) {
        for (JsonNode node : new JsonNode[] {area, organization}) {
            if (node == null) {
                continue;
            }
            for (String field : List.of("country_code", "country")) {
                String value = node.path(field).asString("");
                if (!value.isEmpty() && Countries.code(value).isPresent()) {
                    return Countries.code(value).get();
                }
            }
        }
        return defaultCountry;
    }

    private static String first(JsonNode membership, @Nullable JsonNode period, String field) {
        String own = membership.path(field).asString("");
        return own.isEmpty() && period != null ? period.path(field).asString("") : own;
    }

    private static Map<String, JsonNode> byId(JsonNode root, String field) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode node : root.path(field)) {
            String id = node.path("id").asString("");
            if (!id.isEmpty()) {
                out.put(id, node);
            }
        }
        return out;
    }

    private static void add(Set<String> names, String name) {
        String whole = name.replaceAll("\\s+", " ").strip();
        if (!whole.isEmpty()) {
            names.add(whole);
        }
    }
}
