package dev.veto.engine.match.semantic;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Addresses an agent should not be steered to (SSRF): everything that is not a public unicast address.
 * IPv4: this-network 0/8, private 10/8, 172.16/12, 192.168/16, CGNAT 100.64/10, loopback 127/8, link-local
 * 169.254/16, IETF 192.0.0/24, documentation 192.0.2/24, 198.51.100/24, 203.0.113/24, 6to4 relay
 * 192.88.99/24, benchmarking 198.18/15, multicast 224/4, reserved 240/4 and broadcast.
 * IPv6: unspecified, loopback, IPv4-mapped / -compatible / NAT64 / 6to4 forms of a non-public IPv4,
 * local-use NAT64 64:ff9b:1::/48, IETF 2001::/23 (Teredo included), documentation 2001:db8::/32 and
 * 3fff::/20, and everything outside 2000::/3, the only global unicast space: discard 100::/64,
 * IPv4-translated ::ffff:0:0:0/96, unique-local fc00::/7, link-local fe80::/10, site-local fec0::/10,
 * multicast ff00::/8 and the reserved rest.
 */
final class NonPublicAddresses {

    private NonPublicAddresses() {
    }

    static boolean contains(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? ipv4(b, 0) : ipv6(b);
    }

    private static boolean ipv4(byte[] b, int at) {
        int a0 = b[at] & 0xff;
        int a1 = b[at + 1] & 0xff;
        int a2 = b[at + 2] & 0xff;
        return a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224
                || (a0 == 100 && (a1 & 0xc0) == 64)
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && (a1 & 0xf0) == 16)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
                || (a0 == 192 && a1 == 88 && a2 == 99)
                || (a0 == 198 && (a1 & 0xfe) == 18)
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113);
    }

    private static boolean ipv6(byte[] b) {
        int w0 = word(b, 0);
        int w1 = word(b, 1);
        if (w0 == 0 && w1 == 0 && word(b, 2) == 0 && word(b, 3) == 0 && word(b, 4) == 0) {
            int w5 = word(b, 5);
            if (w5 == 0 || w5 == 0xffff) {
                return true; // ::, ::1, IPv4-compatible and IPv4-mapped: never a public IPv6 destination
            }
        }
        if (w0 == 0x64 && w1 == 0xff9b) {
            return word(b, 2) == 0 && word(b, 3) == 0 && word(b, 4) == 0 && word(b, 5) == 0
                    ? ipv4(b, 12) // NAT64 well-known prefix: reaches the embedded IPv4 address
                    : true; // 64:ff9b:1::/48 local-use translation, and the rest of this non-global space
        }
        if (w0 == 0x2002) {
            return ipv4(b, 2); // 6to4: the embedded IPv4 address is the tunnel end
        }
        return (w0 & 0xe000) != 0x2000 // outside 2000::/3, the only space with public (global unicast) addresses
                || (w0 == 0x2001 && w1 < 0x200)
                || (w0 == 0x2001 && w1 == 0xdb8)
                || (w0 == 0x3fff && (w1 & 0xf000) == 0); // documentation 3fff::/20 (RFC 9637)
    }

    private static int word(byte[] b, int index) {
        return ((b[2 * index] & 0xff) << 8) | (b[2 * index + 1] & 0xff);
    }
}
