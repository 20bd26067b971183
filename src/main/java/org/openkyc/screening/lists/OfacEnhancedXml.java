package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;

/**
 * OFAC's enhanced XML ({@code <sanctionsData>}, the SDN list or the consolidated non-SDN list, also as the ZIP OFAC
 * publishes): each entity's names in every script, type, programmes, birth dates, nationalities, gender, identity
 * documents and digital currency addresses. Entity ids are the same as the CSV set's, so either format gives the same
 * keys. Read as a stream: the SDN file is large.
 */
public final class OfacEnhancedXml {

    private OfacEnhancedXml() {}

    private static final class Entity {
        String id = "";
        String type = "";
        final Set<String> lists = new LinkedHashSet<>();
        final Set<String> names = new LinkedHashSet<>();

        @Nullable
        String primaryName;

        final Set<String> programmes = new LinkedHashSet<>();
        final Set<String> births = new LinkedHashSet<>();
        final Set<String> countries = new LinkedHashSet<>();
        final Set<String> identifiers = new LinkedHashSet<>();
        final Set<String> crypto = new LinkedHashSet<>();

        @Nullable
        String gender;

        boolean primaryNameGroup;
        boolean primaryTranslation;
        String featureType = "";
        String featureValue = "";
        String from = "";
        String to = "";
    }

    public static List<ListEntity> read(InputStream in) throws IOException {
        XMLStreamReader xml = SafeXml.stream(in, "The OFAC enhanced XML");
        List<ListEntity> out = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        Entity entity = null;
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new ListFormatException("The OFAC enhanced XML declares a document type, which is refused");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (path.isEmpty() && !name.equals("sanctionsData")) {
                        throw new ListFormatException("Not OFAC's enhanced XML: the root element is " + name);
                    }
                    String parent = parent(path);
                    path.push(name);
                    text.setLength(0);
                    if (name.equals("entity") && path.size() == 3) {
                        entity = new Entity();
                        entity.id = xml.getAttributeValue(null, "id");
                    } else if (entity != null && name.equals("name") && parent.equals("names")) {
                        entity.primaryNameGroup = false;
                    } else if (entity != null && name.equals("feature")) {
                        entity.featureType = "";
                        entity.featureValue = "";
                        entity.from = "";
                        entity.to = "";
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if (entity != null) {
                        String value = text.toString().strip();
                        end(entity, name, parent(path), value);
                        if (name.equals("entity")) {
                            out.add(entity(entity));
                            entity = null;
                        }
                    }
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            throw new ListFormatException(
                    "The OFAC enhanced XML is not well-formed" + SafeXml.at(e) + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new ListFormatException("The OFAC enhanced XML holds no entity");
        }
        return out;
    }

    private static String parent(Deque<String> path) {
        return path.isEmpty() ? "" : path.peek();
    }

    private static void end(Entity entity, String name, String parent, String value) {
        switch (name) {
            case "entityType" -> entity.type = value;
            case "sanctionsList" -> entity.lists.add(value);
            case "sanctionsProgram" -> entity.programmes.add(value);
            case "isPrimary" -> {
                if (parent.equals("name")) {
                    entity.primaryNameGroup = value.equals("true");
                } else if (parent.equals("translation")) {
                    entity.primaryTranslation = value.equals("true");
                }
            }
            case "formattedFullName" -> {
                if (!value.isEmpty()) {
                    entity.names.add(value);
                    if (entity.primaryName == null && entity.primaryNameGroup && entity.primaryTranslation) {
                        entity.primaryName = value;
                    }
                }
            }
            case "documentNumber" -> {
                if (!value.isEmpty()) {
                    entity.identifiers.add(value);
                }
            }
            case "type" -> {
                if (parent.equals("feature")) {
                    entity.featureType = value;
                }
            }
            case "value" -> {
                if (parent.equals("feature")) {
                    entity.featureValue = value;
                }
            }
            case "fromDateBegin" -> entity.from = value;
            case "toDateEnd" -> entity.to = value;
            case "feature" -> feature(entity);
            default -> {}
        }
    }

    private static void feature(Entity entity) {
        String type = entity.featureType;
        String value = entity.featureValue;
        if (type.equals("Birthdate")) {
            if (entity.from.length() >= 10 && entity.from.equals(entity.to)) {
                entity.births.add(entity.from.substring(0, 10));
            } else if (entity.from.length() >= 4 && entity.to.length() >= 4) {
                int first = Integer.parseInt(entity.from.substring(0, 4));
                int last = Integer.parseInt(entity.to.substring(0, 4));
                for (int year = first; year <= Math.min(last, first + 10); year++) {
                    entity.births.add(String.valueOf(year));
                }
            } else if (value.matches(".*\\b\\d{4}\\b.*")) {
                entity.births.add(value.replaceAll(".*\\b(\\d{4})\\b.*", "$1"));
            }
        } else if (type.equals("Nationality Country")
                || type.equals("Citizenship Country")
                || type.equals("Nationality of Registration")) {
            Countries.code(value).ifPresent(entity.countries::add);
        } else if (type.equals("Gender") && !value.isEmpty()) {
            entity.gender = value.toLowerCase(Locale.ROOT);
        } else if (type.startsWith("Digital Currency Address") && !value.isEmpty()) {
            entity.crypto.add(value);
        }
    }

    private static ListEntity entity(Entity entity) throws ListFormatException {
        if (entity.id == null || entity.id.isBlank() || entity.names.isEmpty()) {
            throw new ListFormatException("OFAC enhanced XML entity " + entity.id + " has no id or no name");
        }
        List<String> names = new ArrayList<>();
        if (entity.primaryName != null) {
            names.add(entity.primaryName);
        }
        entity.names.stream().filter(n -> !names.contains(n)).forEach(names::add);
        NameNormaliser.Schema schema = switch (entity.type.toLowerCase(Locale.ROOT)) {
            case "individual" -> NameNormaliser.Schema.PERSON;
            case "entity" -> NameNormaliser.Schema.ORGANISATION;
            case "vessel", "aircraft" -> NameNormaliser.Schema.VESSEL;
            default -> NameNormaliser.Schema.ANY;
        };
        return new ListEntity(
                entity.id,
                entity.lists.contains("Consolidated List") ? "OFAC_CONS" : "OFAC_SDN",
                ListEntity.ListType.SANCTION,
                schema,
                List.copyOf(names),
                List.copyOf(entity.programmes),
                List.copyOf(entity.births),
                List.copyOf(entity.countries),
                entity.gender,
                List.copyOf(entity.identifiers),
                List.copyOf(entity.crypto));
    }
}
