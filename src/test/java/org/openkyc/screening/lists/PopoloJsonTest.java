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

class PopoloJsonTest {

    /** Made-up legislators of a made-up legislature, in EveryPolitician's layout. */
    static final String SAMPLE = """
            {
              "persons": [
                {"id": "p-1", "name": "Liis Tamm", "given_name": "Liis", "family_name": "Tamm",
                 "other_names": [{"name": "Liisa Tamm", "note": "birth name"}],
                 "birth_date": "1971-05-04", "gender": "female"},
                {"id": "p-2", "name": "Jaan Kask", "birth_date": "1960", "gender": "male"},
                {"id": "p-3", "name": "Mari Mets"}
              ],
              "organizations": [
                {"id": "leg", "name": "Riigikogu", "classification": "legislature"},
                {"id": "party/green", "name": "Green Party", "classification": "party"},
                {"id": "leg-abroad", "name": "Assembly of Elsewhere", "classification": "legislature",
                 "country_code": "LV"}
              ],
              "areas": [{"id": "area/1", "name": "Tallinn", "type": "constituency"}],
              "events": [
                {"id": "term/13", "name": "13th Riigikogu", "classification": "legislative period",
                 "start_date": "2015-03-30", "end_date": "2019-04-04", "organization_id": "leg"},
                {"id": "term/14", "name": "14th Riigikogu", "classification": "legislative period",
                 "start_date": "2019-04-04", "organization_id": "leg"}
              ],
              "posts": [],
              "memberships": [
                {"person_id": "p-1", "organization_id": "leg", "on_behalf_of_id": "party/green",
                 "area_id": "area/1", "legislative_period_id": "term/13", "role": "member"},
                {"person_id": "p-1", "organization_id": "leg", "area_id": "area/1",
                 "legislative_period_id": "term/14", "role": "member", "start_date": "2019-04-04",
                 "end_date": "2021-01"},
                {"person_id": "p-2", "organization_id": "leg-abroad", "label": "Deputy Speaker",
                 "start_date": "2018"},
                {"person_id": "p-3", "organization_id": "party/green", "role": "chair"}
              ]
            }
            """;

    @Test
    void legislatureMembershipsAreLegislatorPositions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ep-popolo-v1.json");
        Files.writeString(file, SAMPLE);
        ImportedList read = ListImports.read(file, Limits.DEFAULT, null, "EE");
        assertThat(read.format()).isEqualTo(ListFormat.POPOLO_JSON);
        List<ListEntity> people = read.entities();
        assertThat(people)
                .as("a party chair holds no legislative office")
                .extracting(ListEntity::id)
                .containsExactly("p-1", "p-2");
        ListEntity tamm = people.getFirst();
        assertThat(tamm.source()).isEqualTo("POPOLO");
        assertThat(tamm.listType()).isEqualTo(ListEntity.ListType.PEP);
        assertThat(tamm.names()).containsExactly("Liis Tamm", "Liisa Tamm");
        assertThat(tamm.birthDates()).containsExactly("1971-05-04");
        assertThat(tamm.gender()).isEqualTo("female");
        assertThat(tamm.countries()).containsExactly("EE");
        assertThat(tamm.positions())
                .as(
                        "newest first; dates from the membership, else its legislative period; a month ends on its last day")
                .containsExactly(
                        new ListEntity.Position(
                                "Member of Riigikogu for Tallinn",
                                "EE",
                                PepClass.LEGISLATOR,
                                LocalDate.of(2019, 4, 4),
                                LocalDate.of(2021, 1, 31)),
                        new ListEntity.Position(
                                "Member of Riigikogu for Tallinn",
                                "EE",
                                PepClass.LEGISLATOR,
                                LocalDate.of(2015, 3, 30),
                                LocalDate.of(2019, 4, 4)));
        ListEntity kask = people.get(1);
        assertThat(kask.positions())
                .as("the file's own country wins over the caller's default")
                .containsExactly(new ListEntity.Position(
                        "Deputy Speaker", "LV", PepClass.LEGISLATOR, LocalDate.of(2018, 1, 1), null));

        assertThat(ListImports.read(file, Limits.DEFAULT, "EVERYPOLITICIAN_EE", null)
                        .entities()
                        .getFirst())
                .satisfies(e -> assertThat(e.source()).isEqualTo("EVERYPOLITICIAN_EE"))
                .satisfies(e -> assertThat(e.countries()).isEmpty());
    }

    @Test
    void aCutOffFileIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cut.json");
        Files.writeString(file, SAMPLE.substring(0, SAMPLE.indexOf("\"organizations\"")));
        assertThatThrownBy(() -> ListImports.read(file, Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("cut.json line 9, column ")
                .hasMessageContaining("not well-formed JSON");
        Path bad = dir.resolve("bad-date.json");
        Files.writeString(bad, SAMPLE.replace("2015-03-30", "30.03.2015"));
        assertThatThrownBy(() -> ListImports.read(bad, Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("bad-date.json: '30.03.2015' is not a date");
    }
}
