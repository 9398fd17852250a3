package dev.veto.engine.match.semantic;

import java.net.InetAddress;

/**
 * A host as it is compared: a canonical domain name, or an IP address (then {@code name} is the
 * address's canonical text, IPv4-mapped IPv6 given as the IPv4 address it reaches).
 */
record Host(String name, InetAddress address) {

    static Host ofName(String canonicalName) {
        return new Host(canonicalName, null);
    }

    static Host ofAddress(InetAddress address) {
        return new Host(address.getHostAddress(), address);
    }

    boolean isAddress() {
        return address != null;
    }
}
