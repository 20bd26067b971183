package org.openkyc.documents;

import java.util.List;
import org.openkyc.applicants.PersonalDataTables;
import org.springframework.stereotype.Component;

/** The document and proof-of-address checks hold the fields, MRZ and OCR lines read from the applicant's papers. */
@Component
class DocumentPersonalData implements PersonalDataTables {

    @Override
    public List<String> tables() {
        return List.of("document_check", "address_check");
    }
}
