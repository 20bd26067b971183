package org.openkyc.biometrics;

import java.util.Optional;
import org.openkyc.core.CompanyId;

/**
 * A database of reference photos outside OpenKYC (a government register, a customer's earlier KYC), for the face
 * match's external source. The built-in one reads a folder; an operator with access to a real register provides their
 * own bean, marked {@code @Primary}.
 */
public interface ExternalFaces {

    /** The reference photo of the applicant with this external user id, if the database has one. */
    Optional<byte[]> photo(CompanyId company, String externalUserId);
}
