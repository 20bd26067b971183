package org.openkyc.screening;

import java.util.List;
import org.openkyc.applicants.PersonalDataTables;
import org.springframework.stereotype.Component;

/** Screening matches (and, by cascade, their comments), the monitoring and the screenings name the screened person. */
@Component
class ScreeningPersonalData implements PersonalDataTables {

    @Override
    public List<String> tables() {
        return List.of("aml_match", "aml_monitoring", "aml_screening");
    }
}
