package org.openkyc.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkPolicyTest {

    private final NetworkPolicy publicOnly = new NetworkPolicy(false, List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.9.9.9",
                "0.0.0.0",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "192.0.2.10",
                "198.18.0.1",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fd00:ec2::254",
                "fc00::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::ffff:10.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "64:ff9b:1::a00:1",
                "::0.0.1.2",
                "2002:7f00:1::1",
                "2001:0:4136:e378::1",
                "2001:db8::1"
            })
    void refusesAddressesThatAreNotPublic(String address) throws Exception {
        assertThat(publicOnly.permits(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"8.8.8.8", "93.184.215.14", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.4.4"})
    void permitsPublicAddresses(String address) throws Exception {
        assertThat(publicOnly.permits(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void anAllowListOpensExactlyItsRanges() throws Exception {
        NetworkPolicy policy = new NetworkPolicy(false, List.of("127.0.0.1/32", "10.20.0.0/16"));
        assertThat(policy.permits(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(policy.permits(InetAddress.getByName("10.20.255.1"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("10.21.0.1"))).isFalse();
        assertThat(policy.permits(InetAddress.getByName("169.254.169.254"))).isFalse();
    }

    @Test
    void privateNetworksCanBeAllowedForDevelopment() throws Exception {
        NetworkPolicy policy = new NetworkPolicy(true, List.of());
        assertThat(policy.permits(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("192.168.0.10"))).isTrue();
    }

    @Test
    void aMalformedRangeIsAConfigurationError() {
        assertThatThrownBy(() -> new NetworkPolicy(false, List.of("localhost/8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("localhost/8");
        assertThatThrownBy(() -> new NetworkPolicy(false, List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
