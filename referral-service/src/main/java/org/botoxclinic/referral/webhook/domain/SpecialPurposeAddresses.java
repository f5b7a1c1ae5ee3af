package org.botoxclinic.referral.webhook.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The addresses the clinic never calls a partner's webhook on: every block of the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (RFC 6890 and later additions), IPv4 multicast and the IPv4 reserved block,
 * and for IPv6 anything outside global unicast (2000::/3), so a partner cannot aim the clinic at its own network,
 * a cloud metadata service, a translator into it or a tunnel relay. An IPv4-mapped IPv6 address
 * (::ffff:0:0/96) is judged by the IPv4 address it carries.
 */
public final class SpecialPurposeAddresses {

    /** One registry block: its first address and prefix length, and what it is. */
    public record Block(String cidr, String purpose, byte[] prefix, int length) {

        static Block of(String cidr, String purpose) {
            int slash = cidr.indexOf('/');
            try {
                byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                int length = Integer.parseInt(cidr.substring(slash + 1));
                // ::ffff:a.b.c.d parses as IPv4; the IPv6 blocks below are written so that none does.
                return new Block(cidr, purpose, prefix, length);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = length / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = length % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    /** IANA IPv4 Special-Purpose Address Registry, plus multicast (224.0.0.0/4). */
    public static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/8", "this network"),
            Block.of("10.0.0.0/8", "private use"),
            Block.of("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
            Block.of("127.0.0.0/8", "loopback"),
            Block.of("169.254.0.0/16", "link local"),
            Block.of("172.16.0.0/12", "private use"),
            Block.of("192.0.0.0/24", "IETF protocol assignments"),
            Block.of("192.0.2.0/24", "documentation (TEST-NET-1)"),
            Block.of("192.31.196.0/24", "AS112-v4"),
            Block.of("192.52.193.0/24", "AMT"),
            Block.of("192.88.99.0/24", "deprecated 6to4 relay anycast"),
            Block.of("192.168.0.0/16", "private use"),
            Block.of("192.175.48.0/24", "direct delegation AS112 service"),
            Block.of("198.18.0.0/15", "benchmarking"),
            Block.of("198.51.100.0/24", "documentation (TEST-NET-2)"),
            Block.of("203.0.113.0/24", "documentation (TEST-NET-3)"),
            Block.of("224.0.0.0/4", "multicast"),
            Block.of("240.0.0.0/4", "reserved"),
            Block.of("255.255.255.255/32", "limited broadcast"));

    /** IANA IPv6 Special-Purpose Address Registry, plus what lies outside global unicast. */
    public static final List<Block> IPV6 = List.of(
            Block.of("::/96", "unspecified, loopback and deprecated IPv4-compatible"),
            Block.of("64:ff9b::/96", "IPv4/IPv6 translation"),
            Block.of("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"),
            Block.of("100::/64", "discard-only"),
            Block.of("100:0:0:1::/64", "dummy IPv6 prefix"),
            Block.of("2001::/23", "IETF protocol assignments (Teredo, benchmarking, AMT, AS112, ORCHID, DETs)"),
            Block.of("2001:db8::/32", "documentation"),
            Block.of("2002::/16", "6to4"),
            Block.of("2620:4f:8000::/48", "direct delegation AS112 service"),
            Block.of("3fff::/20", "documentation"),
            Block.of("5f00::/16", "segment routing SIDs"),
            Block.of("fc00::/7", "unique local"),
            Block.of("fec0::/10", "deprecated site local"),
            Block.of("fe80::/10", "link local"),
            Block.of("ff00::/8", "multicast"));

    /** Global unicast: an IPv6 address outside it is not assigned for the public internet. */
    private static final Block GLOBAL_UNICAST = Block.of("2000::/3", "global unicast");
    private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

    private SpecialPurposeAddresses() {
    }

    /** @return the block the address belongs to, or empty when it is a public internet address */
    public static Optional<String> purposeOf(InetAddress address) {
        return purposeOf(address.getAddress());
    }

    static Optional<String> purposeOf(byte[] address) {
        if (address.length == 4) {
            return IPV4.stream().filter(b -> b.contains(address)).map(Block::purpose).findFirst();
        }
        if (isIpv4Mapped(address)) {
            byte[] v4 = new byte[4];
            System.arraycopy(address, 12, v4, 0, 4);
            return purposeOf(v4);
        }
        Optional<String> special = IPV6.stream().filter(b -> b.contains(address)).map(Block::purpose).findFirst();
        if (special.isPresent()) {
            return special;
        }
        return GLOBAL_UNICAST.contains(address) ? Optional.empty() : Optional.of("not global unicast");
    }

    private static boolean isIpv4Mapped(byte[] address) {
        for (int i = 0; i < IPV4_MAPPED_PREFIX.length; i++) {
            if (address[i] != IPV4_MAPPED_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }
}
