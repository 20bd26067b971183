package org.openkyc.webhooks;

import java.net.InetAddress;
import java.util.List;
import org.openkyc.core.geo.Cidr;
import org.openkyc.core.geo.SpecialAddresses;

/**
 * Which addresses outgoing calls to tenant-supplied URLs may reach: public unicast addresses
 * ({@link SpecialAddresses#isPublic}), plus whatever the operator allowed.
 */
final class NetworkPolicy {

    private final boolean allowPrivate;
    private final List<Cidr> allowed;

    NetworkPolicy(boolean allowPrivate, List<String> allowedNetworks) {
        this.allowPrivate = allowPrivate;
        this.allowed = parse(allowedNetworks);
    }

    boolean permits(InetAddress address) {
        return allowPrivate || isPublic(address) || allowed.stream().anyMatch(c -> c.contains(address));
    }

    static boolean isPublic(InetAddress address) {
        return SpecialAddresses.isPublic(address);
    }

    static List<Cidr> parse(List<String> networks) {
        return networks.stream().map(Cidr::parse).toList();
    }
}
