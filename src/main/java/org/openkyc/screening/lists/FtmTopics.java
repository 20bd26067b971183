package org.openkyc.screening.lists;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openkyc.screening.matching.ListEntity.PepClass;
import org.openkyc.screening.matching.NameNormaliser;

/**
 * What FollowTheMoney's topics and schemata mean to screening. A position's topics say its branch
 * ({@code gov.head}, {@code gov.legislative}…); the FATF class is the most exposed one named, so a head of government
 * who sits in parliament counts as head of government.
 */
final class FtmTopics {

    /** Most exposed first: the first topic of a position found here gives its class. */
    private static final List<Map.Entry<String, PepClass>> CLASSES = List.of(
            Map.entry("gov.head", PepClass.HEAD_OF_STATE_OR_GOVERNMENT),
            Map.entry("gov.executive", PepClass.MINISTER),
            Map.entry("gov.legislative", PepClass.LEGISLATOR),
            Map.entry("gov.judicial", PepClass.JUDGE),
            Map.entry("gov.security", PepClass.MILITARY),
            Map.entry("gov.soe", PepClass.STATE_OWNED_COMPANY),
            Map.entry("gov.igo", PepClass.INTERNATIONAL_ORGANISATION),
            Map.entry("gov.financial", PepClass.SENIOR_OFFICIAL),
            Map.entry("role.diplo", PepClass.SENIOR_OFFICIAL),
            Map.entry("gov.admin", PepClass.SENIOR_OFFICIAL),
            Map.entry("gov.national", PepClass.SENIOR_OFFICIAL));

    static final String SANCTION = "sanction";
    static final String PEP = "role.pep";
    static final String RCA = "role.rca";

    private FtmTopics() {}

    /** The class of a position with these topics; OTHER for a regional or municipal office or none said. */
    static PepClass pepClass(Collection<String> topics) {
        for (Map.Entry<String, PepClass> entry : CLASSES) {
            if (topics.contains(entry.getKey())) {
                return entry.getValue();
            }
        }
        return PepClass.OTHER;
    }

    /** The matching schema of a FollowTheMoney schema that can be listed, or null for any other. */
    static NameNormaliser.@Nullable Schema schema(String ftm) {
        return switch (ftm) {
            case "Person" -> NameNormaliser.Schema.PERSON;
            case "Organization", "Company", "PublicBody" -> NameNormaliser.Schema.ORGANISATION;
            case "Vessel", "Airplane" -> NameNormaliser.Schema.VESSEL;
            case "LegalEntity" -> NameNormaliser.Schema.ANY;
            default -> null;
        };
    }
}
