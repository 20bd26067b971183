package org.openkyc.onchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attestation as EIP-712 typed data: a {@code KycAttestation} of a wallet, its status, its subject (a hash that
 * names the applicant without giving the id away), the issuer and the validity, under the domain {@code OpenKYC}
 * version 1 of a chain and verifying contract. Signing and recovering work on the same hash any EIP-712 implementation computes.
 */
public final class TypedAttestation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TypedAttestation() {}

    /** The attestation's fields. */
    public record Claim(String wallet, String status, String subject, String issuer, long issuedAt, long expiresAt) {}

    /** The typed data, as {@code eth_signTypedData_v4} and ethers.js take it. */
    public static Map<String, Object> typedData(Claim claim, long chainId, String verifyingContract) {
        Map<String, Object> types = new LinkedHashMap<>();
        types.put(
                "EIP712Domain",
                List.of(
                        field("name", "string"),
                        field("version", "string"),
                        field("chainId", "uint256"),
                        field("verifyingContract", "address")));
        types.put(
                "KycAttestation",
                List.of(
                        field("wallet", "address"),
                        field("status", "string"),
                        field("subject", "bytes32"),
                        field("issuer", "address"),
                        field("issuedAt", "uint64"),
                        field("expiresAt", "uint64")));
        Map<String, Object> domain = new LinkedHashMap<>();
        domain.put("name", "OpenKYC");
        domain.put("version", "1");
        domain.put("chainId", chainId);
        domain.put("verifyingContract", verifyingContract);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("wallet", claim.wallet());
        message.put("status", claim.status());
        message.put("subject", claim.subject());
        message.put("issuer", claim.issuer());
        message.put("issuedAt", claim.issuedAt());
        message.put("expiresAt", claim.expiresAt());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("types", types);
        data.put("primaryType", "KycAttestation");
        data.put("domain", domain);
        data.put("message", message);
        return data;
    }

    /** The EIP-712 hash of typed data: {@code keccak256("\x19\x01" ‖ domainSeparator ‖ hashStruct(message))}. */
    public static byte[] hash(Map<String, Object> typedData) {
        try {
            return new StructuredDataEncoder(JSON.writeValueAsString(typedData)).hashStructuredData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signature as 65 bytes in hex ({@code r ‖ s ‖ v}, v 27 or 28), as wallets give it. */
    public static String sign(Map<String, Object> typedData, ECKeyPair key) {
        Sign.SignatureData signature = Sign.signMessage(hash(typedData), key, false);
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    /** The checksummed address that signed the typed data. */
    public static String signer(Map<String, Object> typedData, String signature) throws SignatureException {
        byte[] bytes = HexFormat.of().parseHex(signature.startsWith("0x") ? signature.substring(2) : signature);
        if (bytes.length != 65) {
            throw new SignatureException("A signature is 65 bytes");
        }
        byte v = bytes[64] < 27 ? (byte) (bytes[64] + 27) : bytes[64];
        Sign.SignatureData data = new Sign.SignatureData(
                v, java.util.Arrays.copyOfRange(bytes, 0, 32), java.util.Arrays.copyOfRange(bytes, 32, 64));
        BigInteger key = Sign.signedMessageHashToKey(hash(typedData), data);
        return Keys.toChecksumAddress(Keys.getAddress(key));
    }

    /** The subject for an applicant: keccak256 of the company and applicant ids, so the chain learns neither. */
    public static String subject(String companyId, String applicantId) {
        return "0x"
                + HexFormat.of().formatHex(Hash.sha3((companyId + ":" + applicantId).getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> field(String name, String type) {
        Map<String, String> field = new LinkedHashMap<>();
        field.put("name", name);
        field.put("type", type);
        return field;
    }
}
