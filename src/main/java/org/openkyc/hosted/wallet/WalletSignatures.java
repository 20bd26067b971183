package org.openkyc.hosted.wallet;

import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.bitcoinj.crypto.ECKey;
import org.openkyc.flows.definition.StepSettings.Network;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Checks that a message was signed by the key behind an address, by recovering the signer's public key from the
 * signature and deriving its address:
 *
 * <ul>
 *   <li>Ethereum: {@code personal_sign} (EIP-191) signatures, 65 bytes hex, as wallets and ethers.js make them;
 *   <li>Bitcoin: signed messages as Bitcoin Core's {@code signmessage} makes them (base64, compact recoverable
 *       signature), for legacy P2PKH and native SegWit P2WPKH addresses (BIP-137 headers), main and test networks.
 * </ul>
 *
 * Free of Spring.
 */
public final class WalletSignatures {

    private static final Pattern ETHEREUM_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private WalletSignatures() {}

    /** The address in its canonical form (EIP-55 checksum case for Ethereum), or why it is not one. */
    public static String normalise(Network network, String address) {
        String trimmed = address.strip();
        return switch (network) {
            case ETHEREUM -> {
                if (!ETHEREUM_ADDRESS.matcher(trimmed).matches()) {
                    throw new IllegalArgumentException("not an Ethereum address (0x and 40 hex digits)");
                }
                String checksummed = Keys.toChecksumAddress(trimmed);
                boolean mixedCase = !trimmed.substring(2)
                                .equals(trimmed.substring(2).toLowerCase(Locale.ROOT))
                        && !trimmed.substring(2).equals(trimmed.substring(2).toUpperCase(Locale.ROOT));
                if (mixedCase && !checksummed.equals(trimmed)) {
                    throw new IllegalArgumentException("the address's checksum (its upper and lower case) is wrong");
                }
                yield checksummed;
            }
            case BITCOIN -> bitcoinAddress(trimmed).toString();
            default -> throw new IllegalArgumentException("signatures of " + network + " are not supported");
        };
    }

    /** Whether {@code signature} over {@code message} was made by the key of {@code address}. */
    public static boolean verify(Network network, String address, String message, String signature) {
        try {
            return switch (network) {
                case ETHEREUM -> ethereum(address, message, signature);
                case BITCOIN -> bitcoin(address, message, signature);
                default -> false;
            };
        } catch (SignatureException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean ethereum(String address, String message, String signature) throws SignatureException {
        Sign.SignatureData data = Sign.signatureDataFromHex(signature.strip());
        String recovered =
                "0x" + Keys.getAddress(Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), data));
        return recovered.equalsIgnoreCase(address.strip());
    }

    private static boolean bitcoin(String address, String message, String signature) throws SignatureException {
        Address claimed = bitcoinAddress(address.strip());
        ECKey key = ECKey.signedMessageToKey(message, signature.strip());
        ScriptType type = claimed.getOutputScriptType();
        if (type != ScriptType.P2PKH && type != ScriptType.P2WPKH) {
            return false;
        }
        return key.toAddress(type, claimed.network()).equals(claimed);
    }

    private static Address bitcoinAddress(String text) {
        try {
            return AddressParser.getDefault().parseAddress(text);
        } catch (AddressFormatException e) {
            throw new IllegalArgumentException("not a Bitcoin address");
        }
    }
}
