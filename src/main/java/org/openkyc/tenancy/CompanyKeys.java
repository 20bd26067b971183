package org.openkyc.tenancy;

/** The company's private client keys, one per mode; shown only to roles with the company keys permission. */
public record CompanyKeys(String privateClientTestKey, String privateClientKey) {

    @Override
    public String toString() {
        return "CompanyKeys[hidden]";
    }
}
