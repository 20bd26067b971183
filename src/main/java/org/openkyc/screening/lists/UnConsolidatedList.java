package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The UN Security Council consolidated list, XML as the UN publishes it: individuals and entities. */
public final class UnConsolidatedList {

    public static final String SOURCE = "UN_SC";

    private UnConsolidatedList() {}

    /** @throws ListFormatException when the file is not the UN list's XML */
    public static List<ListEntity> read(InputStream in) throws IOException {
        Document document = SafeXml.parse(in, "The UN list");
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("CONSOLIDATED_LIST")) {
            throw new ListFormatException("Not the UN consolidated list: the root element is " + root.getTagName());
        }
        List<ListEntity> entities = new ArrayList<>();
        for (Element individual : children(root, "INDIVIDUALS", "INDIVIDUAL")) {
            entities.add(individual(individual));
        }
        for (Element entity : children(root, "ENTITIES", "ENTITY")) {
            entities.add(entity(entity));
        }
        if (entities.isEmpty()) {
            throw new ListFormatException("The UN list holds no individuals or entities");
        }
        return entities;
    }

    private static ListEntity individual(Element e) {
        Set<String> names = new LinkedHashSet<>();
        String primary = String.join(
                        " ",
                        List.of(
                                text(e, "FIRST_NAME"),
                                text(e, "SECOND_NAME"),
                                text(e, "THIRD_NAME"),
                                text(e, "FOURTH_NAME")))
                .replaceAll("\\s+", " ")
                .strip();
        names.add(primary);
        for (Element alias : elements(e, "INDIVIDUAL_ALIAS")) {
            String name = text(alias, "ALIAS_NAME");
            if (!name.isBlank()) {
                names.addAll(NameNormaliser.aliases(name));
            }
        }
        String original = text(e, "NAME_ORIGINAL_SCRIPT");
        if (!original.isBlank()) {
            names.add(original);
        }
        List<String> births = new ArrayList<>();
        for (Element birth : elements(e, "INDIVIDUAL_DATE_OF_BIRTH")) {
            String date = text(birth, "DATE");
            String year = text(birth, "YEAR");
            if (!date.isBlank()) {
                births.add(date);
            } else if (!year.isBlank()) {
                births.add(year);
            } else if (!text(birth, "FROM_YEAR").isBlank()
                    && !text(birth, "TO_YEAR").isBlank()) {
                int from = Integer.parseInt(text(birth, "FROM_YEAR"));
                int to = Integer.parseInt(text(birth, "TO_YEAR"));
                for (int y = from; y <= to && y - from < 20; y++) {
                    births.add(String.valueOf(y));
                }
            }
        }
        Set<String> countries = new LinkedHashSet<>();
        for (Element nationality : elements(e, "NATIONALITY")) {
            for (Element value : elements(nationality, "VALUE")) {
                Countries.code(value.getTextContent()).ifPresent(countries::add);
            }
        }
        List<String> documents = new ArrayList<>();
        for (Element document : elements(e, "INDIVIDUAL_DOCUMENT")) {
            String number = text(document, "NUMBER");
            if (!number.isBlank()) {
                documents.add(number.strip());
            }
        }
        String gender = text(e, "GENDER");
        return new ListEntity(
                text(e, "DATAID"),
                SOURCE,
                ListEntity.ListType.SANCTION,
                NameNormaliser.Schema.PERSON,
                List.copyOf(names),
                List.of(text(e, "UN_LIST_TYPE")),
                List.copyOf(births),
                List.copyOf(countries),
                gender.isBlank() ? null : gender.toLowerCase(java.util.Locale.ROOT),
                List.copyOf(documents),
                List.of());
    }

    private static ListEntity entity(Element e) {
        Set<String> names = new LinkedHashSet<>();
        names.add(text(e, "FIRST_NAME").strip());
        for (Element alias : elements(e, "ENTITY_ALIAS")) {
            String name = text(alias, "ALIAS_NAME");
            if (!name.isBlank()) {
                names.addAll(NameNormaliser.aliases(name));
            }
        }
        Set<String> countries = new LinkedHashSet<>();
        for (Element address : elements(e, "ENTITY_ADDRESS")) {
            Countries.code(text(address, "COUNTRY")).ifPresent(countries::add);
        }
        return new ListEntity(
                text(e, "DATAID"),
                SOURCE,
                ListEntity.ListType.SANCTION,
                NameNormaliser.Schema.ORGANISATION,
                List.copyOf(names),
                List.of(text(e, "UN_LIST_TYPE")),
                List.of(),
                List.copyOf(countries),
                null,
                List.of(),
                List.of());
    }

    private static List<Element> children(Element root, String group, String item) {
        List<Element> out = new ArrayList<>();
        for (Element g : elements(root, group)) {
            out.addAll(elements(g, item));
        }
        return out;
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                out.add(element);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> found = elements(parent, name);
        return found.isEmpty() ? "" : found.getFirst().getTextContent().strip();
    }
}
