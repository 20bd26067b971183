package org.openkyc.screening;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.screening.matching.NameNormaliser;
import org.openkyc.screening.matching.ScreeningIndex;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening applicants against the loaded lists: every listed entity found becomes a case of the applicant
 * ({@link AmlCases}) with a review status.
 */
@Service
public class ApplicantScreening {

    /** The rate from which a listed entity is a potential match. */
    public static final int THRESHOLD = 80;

    private final ScreeningLists lists;
    private final AmlCases cases;

    ApplicantScreening(ScreeningLists lists, AmlCases cases) {
        this.lists = lists;
        this.cases = cases;
    }

    /** Who is screened: a name and what else is known. */
    public record Subject(
            String name,
            @Nullable Integer birthYear,
            @Nullable String nationality,
            @Nullable String gender) {

        ScreeningIndex.Query query() {
            return new ScreeningIndex.Query(
                    name,
                    NameNormaliser.Schema.PERSON,
                    birthYear,
                    null,
                    null,
                    List.of(),
                    nationality,
                    gender,
                    null,
                    THRESHOLD,
                    20,
                    false);
        }
    }

    /** Screens the applicant; answers the matches still open (found now and not cleared by a reviewer). */
    @Transactional
    public List<AmlCases.Match> screen(CompanyId company, Mode mode, UUID applicant, Subject subject) {
        List<ScreeningIndex.Hit> hits = lists.index().search(subject.query());
        cases.record(company, mode, AmlCases.Owner.applicant(applicant), subject.name(), hits, "SCREENING");
        List<String> found = hits.stream().map(h -> h.entity().key()).toList();
        return matches(company, applicant).stream()
                .filter(m -> found.contains(m.entityKey()) && !m.status().cleared())
                .toList();
    }

    /** The applicant's matches, best first. */
    public List<AmlCases.Match> matches(CompanyId company, UUID applicant) {
        return cases.matches(company, AmlCases.Owner.applicant(applicant));
    }
}
