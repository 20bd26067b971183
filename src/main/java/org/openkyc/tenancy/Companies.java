package org.openkyc.tenancy;

import java.util.Optional;
import org.openkyc.core.CompanyId;
import org.springframework.data.repository.ListCrudRepository;

interface Companies extends ListCrudRepository<Company, CompanyId> {

    Optional<Company> findByPrivateKeyTestHash(String fingerprint);

    Optional<Company> findByPrivateKeyLiveHash(String fingerprint);
}
