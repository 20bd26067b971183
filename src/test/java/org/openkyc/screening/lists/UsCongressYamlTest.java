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

class UsCongressYamlTest {

    static final Path CONGRESS = Path.of("../shared/data/pep/us-congress");

    @Test
    void everyCurrentMemberOfCongressIsAPepWithEveryTerm() throws Exception {
        ImportedList read = ListImports.read(CONGRESS.resolve("legislators-current.yaml"), Limits.DEFAULT);
        assertThat(read.format()).isEqualTo(ListFormat.US_CONGRESS_YAML);
        List<ListEntity> members = read.entities();
        assertThat(members).hasSize(537);
        assertThat(members).extracting(ListEntity::source).containsOnly("US_CONGRESS");
        assertThat(members).extracting(ListEntity::listType).containsOnly(ListEntity.ListType.PEP);
        assertThat(members).extracting(ListEntity::key).doesNotHaveDuplicates();

        ListEntity cantwell = members.stream()
                .filter(e -> e.id().equals("C000127"))
                .findFirst()
                .orElseThrow();
        assertThat(cantwell.names()).containsExactly("Maria Cantwell");
        assertThat(cantwell.schema()).isEqualTo(NameNormaliser.Schema.PERSON);
        assertThat(cantwell.birthDates()).containsExactly("1958-10-13");
        assertThat(cantwell.gender()).isEqualTo("female");
        assertThat(cantwell.countries()).containsExactly("US");
        assertThat(cantwell.programmes()).containsExactly("US Senate", "WA");
        assertThat(cantwell.positions()).hasSize(6);
        ListEntity.Position latest = cantwell.positions().getFirst();
        assertThat(latest)
                .as("newest first; the current term's end is kept as the file gives it")
                .isEqualTo(new ListEntity.Position(
                        "United States Senator for WA",
                        "US",
                        PepClass.LEGISLATOR,
                        LocalDate.of(2025, 1, 3),
                        LocalDate.of(2031, 1, 3)));
        assertThat(cantwell.positions().getLast())
                .isEqualTo(new ListEntity.Position(
                        "Member of the US House of Representatives for WA-1",
                        "US",
                        PepClass.LEGISLATOR,
                        LocalDate.of(1993, 1, 5),
                        LocalDate.of(1995, 1, 3)));
        assertThat(cantwell.leftOffice()).isEqualTo(LocalDate.of(2031, 1, 3));

        ListEntity klobuchar = members.stream()
                .filter(e -> e.id().equals("K000367"))
                .findFirst()
                .orElseThrow();
        assertThat(klobuchar.names()).containsExactly("Amy Klobuchar", "Amy Jean Klobuchar");
        assertThat(members.stream().filter(e -> e.programmes().getFirst().equals("US House of Representatives")))
                .hasSizeGreaterThan(400);
    }

    @Test
    void presidentsAndVicePresidentsAreHeadsOfStateUnderTheirOwnSource() throws Exception {
        List<ListEntity> executive = ListImports.read(CONGRESS.resolve("executive.yaml"), Limits.DEFAULT)
                .entities();
        assertThat(executive).hasSize(80).extracting(ListEntity::source).containsOnly("US_EXECUTIVE");
        ListEntity washington = executive.getFirst();
        assertThat(washington.id()).isEqualTo("W000178");
        assertThat(washington.positions())
                .extracting(ListEntity.Position::title)
                .containsExactly("President of the United States", "President of the United States");
        assertThat(washington.positions())
                .extracting(ListEntity.Position::pepClass)
                .containsOnly(PepClass.HEAD_OF_STATE_OR_GOVERNMENT);
        ListEntity vance = executive.stream()
                .filter(e -> e.id().equals("V000137"))
                .findFirst()
                .orElseThrow();
        assertThat(vance.names()).containsExactly("J.D. Vance", "James David Vance");
        assertThat(executive)
                .as("the presidents without a bioguide id keep GovTrack's")
                .anyMatch(e -> e.id().startsWith("govtrack-"));
    }

    @Test
    void aRecordCutShortOrBrokenYamlIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        Path cut = dir.resolve("cut.yaml");
        Files.writeString(cut, """
                - id:
                    bioguide: X000001
                  name:
                    first: Jane
                    last: Example
                  terms:
                  - type: sen
                    start: '2001-01-03'
                    state: WA
                - id:
                    bioguide: X000002
                  name:
                    first: John
                """);
        assertThatThrownBy(() -> ListImports.read(cut, Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("cut.yaml line 10: a person without id or last name");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                - id:
                    bioguide: X000001
                  terms:
                  - type: sen
                    start: '2001-01
                """);
        assertThatThrownBy(() -> ListImports.read(broken, Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("broken.yaml line 6: not well-formed YAML");
    }

    @Test
    void aliasesThatWouldExpandExponentiallyAreRefused(@TempDir Path dir) throws Exception {
        StringBuilder laughs = new StringBuilder("- id:\n    bioguide: X1\n  name:\n    last: Example\n  x:\n");
        laughs.append("    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append("    a").append(i).append(": &a").append(i).append(" [");
            laughs.append(("*a" + (i - 1) + ", ").repeat(9))
                    .append("*a")
                    .append(i - 1)
                    .append("]\n");
        }
        laughs.append("  terms:\n  - type: sen\n    start: '2001-01-03'\n    state: WA\n");
        Path file = Files.writeString(dir.resolve("laughs.yaml"), laughs);
        assertThatThrownBy(() -> ListImports.read(file, Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("laughs.yaml refers to collections by alias more than 10 times, which could expand"
                        + " without bound: refused");
    }
}
