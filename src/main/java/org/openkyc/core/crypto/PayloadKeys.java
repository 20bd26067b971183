package org.openkyc.core.crypto;

import java.util.Optional;
import org.openkyc.core.ApplicationId;

/** Finds the payload cipher of an application (its crypto key), for the modules that encrypt for integrators. */
public interface PayloadKeys {

    Optional<PayloadCipher> cipherFor(ApplicationId application);
}
