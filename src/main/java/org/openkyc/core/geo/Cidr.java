package org.openkyc.core.geo;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range in CIDR notation, IPv4 or IPv6. */
public record Cidr(byte[] network, int prefix) {

    /** @throws IllegalArgumentException when the text is not an address literal with an optional prefix length */
    public static Cidr parse(String text) {
        String[] parts = text.strip().split("/", 2);
        try {
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException();
            }
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int prefix = parts.length == 1 ? network.length * 8 : Integer.parseInt(parts[1]);
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException();
            }
            return new Cidr(network, prefix);
        } catch (IllegalArgumentException | UnknownHostException e) {
            throw new IllegalArgumentException("Not an address range in CIDR notation: " + text);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
