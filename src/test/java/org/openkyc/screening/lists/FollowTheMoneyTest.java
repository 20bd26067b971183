package org.openkyc.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.ListEntity.PepClass;
import org.openkyc.screening.matching.NameNormaliser;

class FollowTheMoneyTest {

    /**
     * Made-up entities in FollowTheMoney's layout. Links come before and after the people they join, as they may in
     * an export.
     */
    static final String SAMPLE = """
            {"id":"occ-1","schema":"Occupancy","properties":{"holder":["pep-1"],"post":["pos-pm"],"startDate":["2019-06"],"status":["ended"],"endDate":["2022-10-25"]}}
            {"id":"occ-2","schema":"Occupancy","properties":{"holder":["pep-1"],"post":["pos-mp"],"startDate":["2015"],"status":["current"]}}
            {"id":"fam-1","schema":"Family","properties":{"person":["pep-1"],"relative":["rca-1"],"relationship":["spouse"]}}
            {"id":"pep-1","schema":"Person","properties":{"name":["Anna Example"],"alias":["Ana Exemplo"],"firstName":["Anna"],"lastName":["Example"],"birthDate":["1968-02-03"],"gender":["female"],"country":["pt"],"topics":["role.pep"],"position":["Prime Minister of Portugal","Mayor of Example Town"]}}
            {"id":"pos-pm","schema":"Position","properties":{"name":["Prime Minister of Portugal"],"country":["pt"],"topics":["gov.head","gov.national"]}}
            {"id":"pos-mp","schema":"Position","properties":{"name":["Member of the Assembly of the Republic"],"country":["pt"],"topics":["gov.national","gov.legislative"]}}
            {"id":"rca-1","schema":"Person","properties":{"name":["Bruno Example"],"country":["pt"],"topics":["role.rca"]}}
            {"id":"asc-1","schema":"Associate","properties":{"person":["pep-1"],"associate":["nobody-1"],"relationship":["business partner"]}}
            {"id":"nobody-1","schema":"Person","properties":{"name":["Carla Unlisted"]}}

            {"id":"san-1","schema":"Company","properties":{"name":["Example Shipping LLC"],"jurisdiction":["ru"],"registrationNumber":["1027700000000"],"topics":["sanction"]}}
            {"id":"sanction-1","schema":"Sanction","properties":{"entity":["san-1"],"program":["RUSSIA-EO14024"],"authority":["OFAC"]}}
            {"id":"ves-1","schema":"Vessel","properties":{"name":["SEA EXAMPLE"],"imoNumber":["IMO9000000"],"topics":["sanction"]}}
            {"id":"addr-1","schema":"Address","properties":{"full":["1 Example Street"]}}
            """;

    @Test
    void pepsWithTheirOfficesRelativesAndSanctionedEntities(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("entities.ftm.json");
        Files.writeString(file, SAMPLE);
        ImportedList read = ListImports.read(file, Limits.DEFAULT);
        assertThat(read.format()).isEqualTo(ListFormat.FOLLOW_THE_MONEY);
        List<ListEntity> entities = read.entities();
        assertThat(entities)
                .as("the unlisted associate and the address are no entities of their own")
                .extracting(ListEntity::id)
                .containsExactly("pep-1", "rca-1", "san-1", "ves-1");
        assertThat(entities).extracting(ListEntity::source).containsOnly("FTM");

        ListEntity pep = entities.getFirst();
        assertThat(pep.listType()).isEqualTo(ListEntity.ListType.PEP);
        assertThat(pep.schema()).isEqualTo(NameNormaliser.Schema.PERSON);
        assertThat(pep.names()).containsExactly("Anna Example", "Ana Exemplo");
        assertThat(pep.birthDates()).containsExactly("1968-02-03");
        assertThat(pep.countries()).containsExactly("PT");
        assertThat(pep.gender()).isEqualTo("female");
        assertThat(pep.positions())
                .as("offices newest first, classed by their most exposed topic; a position named without occupancy"
                        + " is an office of unknown dates")
                .containsExactly(
                        new ListEntity.Position(
                                "Prime Minister of Portugal",
                                "PT",
                                PepClass.HEAD_OF_STATE_OR_GOVERNMENT,
                                LocalDate.of(2019, 6, 1),
                                LocalDate.of(2022, 10, 25)),
                        new ListEntity.Position(
                                "Member of the Assembly of the Republic",
                                "PT",
                                PepClass.LEGISLATOR,
                                LocalDate.of(2015, 1, 1),
                                null),
                        new ListEntity.Position("Mayor of Example Town", "PT", PepClass.OTHER, null, null));
        assertThat(pep.relations())
                .containsExactly(
                        new ListEntity.Relation("spouse", "Bruno Example", "rca-1"),
                        new ListEntity.Relation("business partner", "Carla Unlisted", null));

        ListEntity spouse = entities.get(1);
        assertThat(spouse.listType()).isEqualTo(ListEntity.ListType.PEP);
        assertThat(spouse.positions())
                .containsExactly(new ListEntity.Position(
                        "Spouse of Anna Example", "PT", PepClass.RELATIVE_OR_ASSOCIATE, null, null));
        assertThat(spouse.relations()).containsExactly(new ListEntity.Relation("spouse of", "Anna Example", "pep-1"));

        ListEntity company = entities.get(2);
        assertThat(company.listType()).isEqualTo(ListEntity.ListType.SANCTION);
        assertThat(company.schema()).isEqualTo(NameNormaliser.Schema.ORGANISATION);
        assertThat(company.countries()).containsExactly("RU");
        assertThat(company.identifiers()).containsExactly("1027700000000");
        assertThat(company.programmes()).containsExactly("RUSSIA-EO14024");
        assertThat(company.positions()).isEmpty();
        assertThat(entities.get(3).schema()).isEqualTo(NameNormaliser.Schema.VESSEL);

        assertThat(ListImports.read(file, Limits.DEFAULT, "OPENSANCTIONS_PEPS", null)
                        .entities())
                .extracting(ListEntity::source)
                .containsOnly("OPENSANCTIONS_PEPS");
    }

    @Test
    void aBrokenLineRefusesTheFileNamingIt(@TempDir Path dir) throws Exception {
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, SAMPLE.substring(0, SAMPLE.indexOf("\"schema\":\"Associate\"")));
        assertThatThrownBy(() -> ListImports.read(cut, Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("cut.json line 8, column ")
                .hasMessageContaining("not a JSON object");
        Path noId = dir.resolve("noid.json");
        Files.writeString(noId, SAMPLE + "{\"schema\":\"Person\",\"properties\":{}}\n");
        assertThatThrownBy(() -> ListImports.read(noId, Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("noid.json line 15: not a FollowTheMoney entity (no id or schema)");
        Path tooMany = dir.resolve("many.json");
        Files.writeString(tooMany, SAMPLE);
        assertThatThrownBy(() -> ListImports.read(tooMany, new Limits(1 << 20, 1 << 20, 10, 5)))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("many.json holds more than 5 entities and links, the limit");
    }
}
