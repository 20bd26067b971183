// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title Verifies OpenKYC attestations on chain.
/// @notice An OpenKYC installation signs, for an approved applicant whose wallet ownership it verified, an EIP-712
/// `KycAttestation` under the domain ("OpenKYC", "1", chain id, this contract). This contract trusts one issuer
/// address (the installation's, shown by its API with every attestation) and answers whether an attestation is
/// genuine, unexpired and APPROVED for the wallet.
contract KycAttestationVerifier {
    struct KycAttestation {
        address wallet;
        string status;
        bytes32 subject;
        address issuer;
        uint64 issuedAt;
        uint64 expiresAt;
    }

    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant ATTESTATION_TYPEHASH = keccak256(
        "KycAttestation(address wallet,string status,bytes32 subject,address issuer,uint64 issuedAt,uint64 expiresAt)"
    );
    /// Half the secp256k1 order: signatures with a larger s are refused (EIP-2), so none can be altered to another.
    uint256 private constant HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    address public immutable issuer;
    bytes32 public immutable domainSeparator;

    constructor(address trustedIssuer) {
        issuer = trustedIssuer;
        domainSeparator = keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256("OpenKYC"), keccak256("1"), block.chainid, address(this))
        );
    }

    /// @return true when the trusted issuer signed this attestation, it has not expired, and it says APPROVED.
    function isApproved(KycAttestation calldata a, bytes calldata signature) external view returns (bool) {
        if (a.issuer != issuer || block.timestamp > a.expiresAt) {
            return false;
        }
        if (keccak256(bytes(a.status)) != keccak256("APPROVED")) {
            return false;
        }
        return signer(digest(a), signature) == issuer;
    }

    /// @return the EIP-712 digest the issuer signed.
    function digest(KycAttestation calldata a) public view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                ATTESTATION_TYPEHASH, a.wallet, keccak256(bytes(a.status)), a.subject, a.issuer, a.issuedAt, a.expiresAt
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
    }

    function signer(bytes32 hash, bytes calldata signature) private pure returns (address) {
        if (signature.length != 65) {
            return address(0);
        }
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        if (v < 27) {
            v += 27;
        }
        if (uint256(s) > HALF_ORDER || (v != 27 && v != 28)) {
            return address(0);
        }
        return ecrecover(hash, v, r, s);
    }
}
