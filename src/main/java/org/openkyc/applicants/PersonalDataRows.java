package org.openkyc.applicants;

import org.openkyc.core.CompanyId;
import org.openkyc.media.MediaLibrary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Drops what the modules keep of an applicant's person, for archiving and erasure alike: their comments, the rows of
 * every {@link PersonalDataTables}, and their media (the files once the transaction commits).
 */
@Component
class PersonalDataRows {

    private final ObjectProvider<PersonalDataTables> tables;
    private final MediaLibrary media;
    private final JdbcClient jdbc;

    PersonalDataRows(ObjectProvider<PersonalDataTables> tables, MediaLibrary media, JdbcClient jdbc) {
        this.tables = tables;
        this.media = media;
        this.jdbc = jdbc;
    }

    void drop(CompanyId company, ApplicantId applicant) {
        jdbc.sql("DELETE FROM applicant_comment WHERE applicant_id = :applicant")
                .param("applicant", applicant.value())
                .update();
        tables.orderedStream()
                .flatMap(t -> t.tables().stream())
                .forEach(table -> jdbc.sql("DELETE FROM " + table + " WHERE applicant_id = :applicant")
                        .param("applicant", applicant.value())
                        .update());
        media.eraseApplicant(company, applicant.value());
    }
}
