package org.openkyc.media;

import java.util.Optional;
import org.openkyc.core.CompanyId;

/**
 * Where media bytes live, encrypted at rest with the company's data key. The built-in store keeps files under the
 * data directory; a deployment may provide another implementation (object storage, say) as a bean.
 */
public interface BlobStore {

    /** Stores the bytes; answers the key to read them back with. */
    String put(CompanyId company, byte[] plaintext);

    Optional<byte[]> get(CompanyId company, String key);

    void delete(CompanyId company, String key);
}
