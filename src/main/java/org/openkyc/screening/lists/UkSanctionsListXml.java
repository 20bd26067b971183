package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The UK Sanctions List the FCDO publishes (XML, {@code <Designations>} of {@code <Designation>}), which replaced
 * OFSI's consolidated list in 2026: names from their parts ({@code Name1} to {@code Name5} given, {@code Name6}
 * family), non-Latin names, regime, type (individual, entity, ship), birth dates ({@code dd/mm/yyyy}, {@code 00} for
 * an unknown day or month), nationalities, and passport, national identity, registration and IMO numbers.
 */
public final class UkSanctionsListXml {

    public static final String SOURCE = "UK_FCDO";

    private static final Pattern DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final List<String> IDENTIFIERS =
            List.of("PassportNumber", "NationalIdentifierNumber", "BusinessRegistrationNumber", "IMONumber");

    private UkSanctionsListXml() {}

    public static List<ListEntity> read(InputStream in) throws IOException {
        Element root = SafeXml.parse(in, "The UK Sanctions List").getDocumentElement();
        if (!"Designations".equals(root.getLocalName())) {
            throw new ListFormatException("Not the UK Sanctions List: the root element is " + root.getLocalName());
        }
        List<ListEntity> entities = new ArrayList<>();
        for (Element designation : descendants(root, "Designation")) {
            String id = first(designation, "UniqueID");
            if (id.isEmpty()) {
                throw new ListFormatException("A UK designation has no UniqueID");
            }
            List<String> names = new ArrayList<>();
            for (Element name : descendants(designation, "Name")) {
                List<String> parts = new ArrayList<>();
                for (int i = 1; i <= 6; i++) {
                    String part = first(name, "Name" + i);
                    if (!part.isEmpty()) {
                        parts.add(part);
                    }
                }
                String whole = String.join(" ", parts).replaceAll("\\s+", " ");
                if (whole.isEmpty() || names.contains(whole)) {
                    continue;
                }
                if (first(name, "NameType").toLowerCase(Locale.ROOT).startsWith("primary")) {
                    names.addFirst(whole);
                } else {
                    names.add(whole);
                }
            }
            for (Element other : descendants(designation, "NameNonLatinScript")) {
                String text = other.getTextContent().strip();
                if (!text.isEmpty() && !names.contains(text)) {
                    names.add(text);
                }
            }
            if (names.isEmpty()) {
                throw new ListFormatException("UK designation " + id + " has no name");
            }
            Set<String> births = new LinkedHashSet<>();
            for (Element dob : descendants(designation, "DOB")) {
                Matcher date = DATE.matcher(dob.getTextContent());
                while (date.find()) {
                    String day = date.group(1);
                    String month = date.group(2);
                    births.add(
                            Integer.parseInt(month) == 0
                                    ? date.group(3)
                                    : Integer.parseInt(day) == 0
                                            ? date.group(3) + "-" + pad(month)
                                            : date.group(3) + "-" + pad(month) + "-" + pad(day));
                }
            }
            Set<String> countries = new LinkedHashSet<>();
            for (Element nationality : descendants(designation, "Nationality")) {
                Countries.code(nationality.getTextContent().strip()).ifPresent(countries::add);
            }
            Set<String> identifiers = new LinkedHashSet<>();
            for (String kind : IDENTIFIERS) {
                for (Element number : descendants(designation, kind)) {
                    String text = number.getTextContent().strip();
                    if (!text.isEmpty()) {
                        identifiers.add(text);
                    }
                }
            }
            NameNormaliser.Schema schema =
                    switch (first(designation, "IndividualEntityShip").toLowerCase(Locale.ROOT)) {
                        case "individual" -> NameNormaliser.Schema.PERSON;
                        case "entity" -> NameNormaliser.Schema.ORGANISATION;
                        case "ship" -> NameNormaliser.Schema.VESSEL;
                        default -> NameNormaliser.Schema.ANY;
                    };
            String regime = first(designation, "RegimeName");
            entities.add(new ListEntity(
                    id,
                    SOURCE,
                    ListEntity.ListType.SANCTION,
                    schema,
                    List.copyOf(names),
                    regime.isEmpty() ? List.of() : List.of(regime),
                    List.copyOf(births),
                    List.copyOf(countries),
                    null,
                    List.copyOf(identifiers),
                    List.of()));
        }
        if (entities.isEmpty()) {
            throw new ListFormatException("The UK Sanctions List holds no designation");
        }
        return entities;
    }

    private static String pad(String number) {
        return number.length() == 1 ? "0" + number : number;
    }

    private static List<Element> descendants(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    private static String first(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && name.equals(child.getNodeName())) {
                return child.getTextContent().strip();
            }
        }
        return "";
    }
}
