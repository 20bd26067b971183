package org.openkyc.biometrics;

import java.util.List;
import org.openkyc.applicants.PersonalDataTables;
import org.springframework.stereotype.Component;

/** Liveness attempts and face matches hold scores and findings about the applicant's face. */
@Component
class FacePersonalData implements PersonalDataTables {

    @Override
    public List<String> tables() {
        return List.of("liveness_attempt", "face_match");
    }
}
