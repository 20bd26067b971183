package org.openkyc.applicants;

import java.util.List;

/**
 * What a module keeps of an applicant's person, for archiving (status-only KYC): tables with {@code company_id} and
 * {@code applicant_id} columns whose rows of an archived applicant are deleted in the archiving transaction.
 */
public interface PersonalDataTables {

    List<String> tables();
}
