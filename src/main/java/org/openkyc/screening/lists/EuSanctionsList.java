package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The EU's consolidated financial sanctions file (XML, {@code <export>} of {@code <sanctionEntity>}): names and
 * aliases ({@code nameAlias}), subject type, programme ({@code regulation}), birth dates, citizenships and
 * identification documents.
 */
public final class EuSanctionsList {

    public static final String SOURCE = "EU_FSF";

    private EuSanctionsList() {}

    public static List<ListEntity> read(InputStream in) throws IOException {
        Document document = SafeXml.parse(in, "The EU list");
        Element root = document.getDocumentElement();
        if (!"export".equals(root.getLocalName())) {
            throw new ListFormatException(
                    "Not the EU financial sanctions file: the root element is " + root.getLocalName());
        }
        List<ListEntity> entities = new ArrayList<>();
        for (Element entity : children(root, "sanctionEntity")) {
            Set<String> names = new LinkedHashSet<>();
            String gender = null;
            for (Element alias : children(entity, "nameAlias")) {
                String whole = alias.getAttribute("wholeName").strip();
                if (whole.isEmpty()) {
                    whole = (alias.getAttribute("firstName") + " " + alias.getAttribute("middleName") + " "
                                    + alias.getAttribute("lastName"))
                            .replaceAll("\\s+", " ")
                            .strip();
                }
                if (!whole.isEmpty()) {
                    names.add(whole);
                }
                String g = alias.getAttribute("gender");
                if (gender == null && (g.equals("M") || g.equals("F"))) {
                    gender = g.equals("M") ? "male" : "female";
                }
            }
            if (names.isEmpty()) {
                throw new ListFormatException("EU sanctionEntity " + entity.getAttribute("logicalId") + " has no name");
            }
            String type = children(entity, "subjectType").stream()
                    .map(e -> e.getAttribute("code"))
                    .findFirst()
                    .orElse("")
                    .toLowerCase(Locale.ROOT);
            List<String> births = new ArrayList<>();
            for (Element birth : children(entity, "birthdate")) {
                String date = birth.getAttribute("birthdate");
                births.add(date.isBlank() ? birth.getAttribute("year") : date);
            }
            births.removeIf(String::isBlank);
            Set<String> countries = new LinkedHashSet<>();
            for (Element citizenship : children(entity, "citizenship")) {
                String code = citizenship.getAttribute("countryIso2Code");
                if (code.length() == 2 && !code.equals("00")) {
                    countries.add(code.toUpperCase(Locale.ROOT));
                }
            }
            List<String> documents = new ArrayList<>();
            for (Element identification : children(entity, "identification")) {
                String number = identification.getAttribute("number");
                if (number.isBlank()) {
                    number = identification.getAttribute("documentNumber");
                }
                if (!number.isBlank()) {
                    documents.add(number.strip());
                }
            }
            List<String> programmes = children(entity, "regulation").stream()
                    .map(e -> e.getAttribute("programme"))
                    .filter(p -> !p.isBlank())
                    .distinct()
                    .toList();
            entities.add(new ListEntity(
                    entity.getAttribute("euReferenceNumber").isBlank()
                            ? entity.getAttribute("logicalId")
                            : entity.getAttribute("euReferenceNumber"),
                    SOURCE,
                    ListEntity.ListType.SANCTION,
                    switch (type) {
                        case "person" -> NameNormaliser.Schema.PERSON;
                        case "enterprise" -> NameNormaliser.Schema.ORGANISATION;
                        default -> NameNormaliser.Schema.ANY;
                    },
                    List.copyOf(names),
                    programmes,
                    List.copyOf(births),
                    List.copyOf(countries),
                    gender,
                    documents,
                    List.of()));
        }
        if (entities.isEmpty()) {
            throw new ListFormatException("The EU list holds no sanctionEntity");
        }
        return entities;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                out.add(element);
            }
        }
        return out;
    }
}
