package org.openkyc.hosted.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.DumpedPrivateKey;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.openkyc.flows.definition.StepSettings.Network;
import org.openkyc.support.Ethers;
import tools.jackson.databind.JsonNode;

/**
 * Signature recovery against signatures OpenKYC did not make: ethers.js for Ethereum, and Bitcoin Core's own
 * message-signing test vector.
 */
class WalletSignaturesTest {

    private static final String KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    // Bitcoin Core's test of signmessagewithprivkey: its regtest key, the key's P2PKH address and the signature it
    // expects over the message.
    private static final String CORE_WIF = "cUeKHd5orzT3mz8P9pxyREHfsWtVfgsfDjiZZBcjUBAaGk1BTj7N";
    private static final String CORE_ADDRESS = "mpLQjfK79b7CCV4VMJWEWAj5Mpx8Up5zxB";
    private static final String CORE_MESSAGE = "This is just a test message";
    private static final String CORE_SIGNATURE =
            "INbVnW4e6PeRmsv2Qgu8NuopvrVjkcxob+sX8OcZG0SALhWybUjzMLPdAsXI46YZGb0KQTRii+wWIQzRpG/U+S0=";

    @Test
    void anEthersSignatureRecoversItsAddress() {
        String message = "OpenKYC: I control this address.\nNonce: abc\u00e9";
        JsonNode signed = Ethers.sign(KEY, message);
        String address = signed.get("address").asString();
        String signature = signed.get("signature").asString();
        assertThat(WalletSignatures.verify(Network.ETHEREUM, address, message, signature))
                .isTrue();
        assertThat(WalletSignatures.verify(Network.ETHEREUM, address.toLowerCase(), message, signature))
                .isTrue();
        assertThat(WalletSignatures.verify(Network.ETHEREUM, address, message + " ", signature))
                .isFalse();
        assertThat(WalletSignatures.verify(
                        Network.ETHEREUM, "0x2c7536e3605d9c16a7a3d7b1898e529396a65c24", message, signature))
                .isFalse();
        assertThat(WalletSignatures.verify(Network.ETHEREUM, address, message, "0x1234"))
                .isFalse();
        assertThat(WalletSignatures.verify(Network.ETHEREUM, address, message, "not hex"))
                .isFalse();
    }

    @Test
    void bitcoinCoresTestVectorVerifies() {
        assertThat(WalletSignatures.verify(Network.BITCOIN, CORE_ADDRESS, CORE_MESSAGE, CORE_SIGNATURE))
                .isTrue();
        assertThat(WalletSignatures.verify(Network.BITCOIN, CORE_ADDRESS, CORE_MESSAGE + ".", CORE_SIGNATURE))
                .isFalse();
        assertThat(WalletSignatures.verify(
                        Network.BITCOIN, "mvLyH7Rs45c16FG2dfV7uuTKV6pL92kWxo", CORE_MESSAGE, CORE_SIGNATURE))
                .isFalse();
    }

    @Test
    void theSameKeysSegwitAddressVerifiesItsSignatureToo() {
        ECKey key =
                DumpedPrivateKey.fromBase58(BitcoinNetwork.TESTNET, CORE_WIF).getKey();
        assertThat(key.toAddress(ScriptType.P2PKH, BitcoinNetwork.TESTNET).toString())
                .isEqualTo(CORE_ADDRESS);
        String segwit = key.toAddress(ScriptType.P2WPKH, BitcoinNetwork.TESTNET).toString();
        assertThat(segwit).startsWith("tb1q");
        assertThat(WalletSignatures.verify(Network.BITCOIN, segwit, CORE_MESSAGE, CORE_SIGNATURE))
                .isTrue();
    }

    @Test
    void addressesAreCheckedAndNormalised() {
        assertThat(WalletSignatures.normalise(Network.ETHEREUM, "0x2c7536e3605d9c16a7a3d7b1898e529396a65c23"))
                .isEqualTo("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
        assertThatThrownBy(() ->
                        WalletSignatures.normalise(Network.ETHEREUM, "0x2C7536E3605D9C16a7a3D7b1898e529396a65c23"))
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> WalletSignatures.normalise(Network.ETHEREUM, "0x123"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WalletSignatures.normalise(Network.BITCOIN, CORE_ADDRESS)).isEqualTo(CORE_ADDRESS);
        assertThatThrownBy(() -> WalletSignatures.normalise(Network.BITCOIN, "mpLQjfK79b7CCV4VMJWEWAj5Mpx8Up5zxC"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
