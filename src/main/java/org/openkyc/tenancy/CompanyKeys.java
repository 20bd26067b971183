package org.openkyc.tenancy;

import org.jspecify.annotations.Nullable;

/**
 * The company's private client keys, one per mode; shown only to roles with the company keys permission.
 *
 * @param privateClientKey the live key, null for those who may not use live mode
 */
public record CompanyKeys(
        String privateClientTestKey, @Nullable String privateClientKey) {

    @Override
    public String toString() {
        return "CompanyKeys[hidden]";
    }
}
