package org.openkyc.core.geo;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The address ranges that are not ordinary public unicast, from the IANA special-purpose registries: private,
 * loopback, carrier-grade NAT, link-local (cloud metadata services live there), documentation, benchmarking,
 * multicast and reserved, and for IPv6 everything outside the global unicast block 2000::/3, which IANA has not
 * allocated. Transition ranges (6to4, Teredo, NAT64) are public but carry another address, so they are named too.
 */
public final class SpecialAddresses {

    /**
     * A special range.
     *
     * @param bogon whether no packet from the public internet should ever come from it
     */
    public record Range(Cidr cidr, String name, boolean bogon) {}

    private static final List<Range> RANGES = List.of(
            bogon("0.0.0.0/8", "this network"),
            bogon("10.0.0.0/8", "private use"),
            bogon("100.64.0.0/10", "carrier-grade NAT"),
            bogon("127.0.0.0/8", "loopback"),
            bogon("169.254.0.0/16", "link-local"),
            bogon("172.16.0.0/12", "private use"),
            bogon("192.0.0.0/24", "IETF protocol assignments"),
            bogon("192.0.2.0/24", "documentation"),
            new Range(Cidr.parse("192.88.99.0/24"), "6to4 relay anycast (deprecated)", false),
            bogon("192.168.0.0/16", "private use"),
            bogon("198.18.0.0/15", "benchmarking"),
            bogon("198.51.100.0/24", "documentation"),
            bogon("203.0.113.0/24", "documentation"),
            bogon("224.0.0.0/4", "multicast"),
            bogon("240.0.0.0/4", "reserved"),
            bogon("::/96", "IPv4-compatible (deprecated) or unspecified"),
            new Range(Cidr.parse("64:ff9b::/96"), "NAT64", false),
            bogon("64:ff9b:1::/48", "local-use NAT64"),
            bogon("100::/64", "discard only"),
            new Range(Cidr.parse("2001::/32"), "Teredo", false),
            bogon("2001:db8::/32", "documentation"),
            new Range(Cidr.parse("2002::/16"), "6to4", false),
            bogon("3fff::/20", "documentation"),
            bogon("fc00::/7", "unique local"),
            bogon("fe80::/10", "link-local"),
            bogon("fec0::/10", "site-local (deprecated)"),
            bogon("ff00::/8", "multicast"));

    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");
    private static final Range UNALLOCATED = new Range(Cidr.parse("::/0"), "not allocated by IANA", true);

    private SpecialAddresses() {}

    /** The special range an address lies in, if any (an IPv4-mapped address is judged by its IPv4 address). */
    public static Optional<Range> of(InetAddress address) {
        InetAddress embedded = embeddedIpv4(address, false);
        if (embedded != null) {
            return of(embedded);
        }
        for (Range range : RANGES) {
            if (range.cidr().contains(address)) {
                return Optional.of(range);
            }
        }
        if (address instanceof Inet6Address && !GLOBAL_UNICAST.contains(address)) {
            return Optional.of(UNALLOCATED);
        }
        return Optional.empty();
    }

    /**
     * Whether an address is ordinary public unicast. Mapped and NAT64 addresses are judged by the IPv4 address they
     * carry; the IPv4-compatible, 6to4 and Teredo ranges are not public, since where they lead cannot be told.
     */
    public static boolean isPublic(InetAddress address) {
        InetAddress embedded = embeddedIpv4(address, true);
        if (embedded != null) {
            return isPublic(embedded);
        }
        return of(address).isEmpty();
    }

    /** The IPv4 address inside an IPv4-mapped (and, when asked, NAT64) IPv6 address. */
    private static @Nullable InetAddress embeddedIpv4(InetAddress address, boolean nat64Too) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean nat64 = nat64Too
                && (b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (!mapped && !nat64) {
            return null;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Range bogon(String cidr, String name) {
        return new Range(Cidr.parse(cidr), name, true);
    }
}
