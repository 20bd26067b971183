package org.openkyc.applicants;

import java.util.List;

/**
 * What a module keeps of an applicant's person: tables with an {@code applicant_id} column whose rows are deleted,
 * in the same transaction, when the applicant's personal data is archived (status-only KYC) or erased.
 */
public interface PersonalDataTables {

    List<String> tables();
}
