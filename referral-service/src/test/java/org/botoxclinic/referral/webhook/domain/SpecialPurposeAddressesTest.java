package org.botoxclinic.referral.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Every special-purpose block on both sides of both of its edges: "-" is a public address the clinic may call. */
class SpecialPurposeAddressesTest {

    private static final String PUBLIC = "-";

    private static final String[][] IPV4 = {
            {"0.0.0.0", "this network"}, {"0.255.255.255", "this network"}, {"1.0.0.0", PUBLIC},
            {"9.255.255.255", PUBLIC}, {"10.0.0.0", "private use"}, {"10.255.255.255", "private use"}, {"11.0.0.0", PUBLIC},
            {"100.63.255.255", PUBLIC}, {"100.64.0.0", "shared address space (carrier-grade NAT)"},
            {"100.127.255.255", "shared address space (carrier-grade NAT)"}, {"100.128.0.0", PUBLIC},
            {"126.255.255.255", PUBLIC}, {"127.0.0.0", "loopback"}, {"127.255.255.255", "loopback"}, {"128.0.0.0", PUBLIC},
            {"169.253.255.255", PUBLIC}, {"169.254.0.0", "link local"}, {"169.254.169.254", "link local"},
            {"169.254.255.255", "link local"}, {"169.255.0.0", PUBLIC},
            {"172.15.255.255", PUBLIC}, {"172.16.0.0", "private use"}, {"172.31.255.255", "private use"}, {"172.32.0.0", PUBLIC},
            {"191.255.255.255", PUBLIC}, {"192.0.0.0", "IETF protocol assignments"}, {"192.0.0.255", "IETF protocol assignments"},
            {"192.0.1.0", PUBLIC},
            {"192.0.1.255", PUBLIC}, {"192.0.2.0", "documentation (TEST-NET-1)"}, {"192.0.2.255", "documentation (TEST-NET-1)"},
            {"192.0.3.0", PUBLIC},
            {"192.31.195.255", PUBLIC}, {"192.31.196.0", "AS112-v4"}, {"192.31.196.255", "AS112-v4"}, {"192.31.197.0", PUBLIC},
            {"192.52.192.255", PUBLIC}, {"192.52.193.0", "AMT"}, {"192.52.193.255", "AMT"}, {"192.52.194.0", PUBLIC},
            {"192.88.98.255", PUBLIC}, {"192.88.99.0", "deprecated 6to4 relay anycast"},
            {"192.88.99.255", "deprecated 6to4 relay anycast"}, {"192.88.100.0", PUBLIC},
            {"192.167.255.255", PUBLIC}, {"192.168.0.0", "private use"}, {"192.168.255.255", "private use"}, {"192.169.0.0", PUBLIC},
            {"192.175.47.255", PUBLIC}, {"192.175.48.0", "direct delegation AS112 service"},
            {"192.175.48.255", "direct delegation AS112 service"}, {"192.175.49.0", PUBLIC},
            {"198.17.255.255", PUBLIC}, {"198.18.0.0", "benchmarking"}, {"198.19.255.255", "benchmarking"}, {"198.20.0.0", PUBLIC},
            {"198.51.99.255", PUBLIC}, {"198.51.100.0", "documentation (TEST-NET-2)"},
            {"198.51.100.255", "documentation (TEST-NET-2)"}, {"198.51.101.0", PUBLIC},
            {"203.0.112.255", PUBLIC}, {"203.0.113.0", "documentation (TEST-NET-3)"},
            {"203.0.113.255", "documentation (TEST-NET-3)"}, {"203.0.114.0", PUBLIC},
            {"223.255.255.255", PUBLIC}, {"224.0.0.0", "multicast"}, {"239.255.255.255", "multicast"},
            {"240.0.0.0", "reserved"}, {"255.255.255.254", "reserved"}, {"255.255.255.255", "reserved"},
            {"8.8.8.8", PUBLIC}, {"93.184.216.34", PUBLIC},
    };

    private static final String NOT_GLOBAL = "not global unicast";

    private static final String[][] IPV6 = {
            {"::", "unspecified, loopback and deprecated IPv4-compatible"},
            {"::1", "unspecified, loopback and deprecated IPv4-compatible"},
            {"::ffff:ffff", "unspecified, loopback and deprecated IPv4-compatible"},
            {"::1:0:0", NOT_GLOBAL},
            {"64:ff9b::", "IPv4/IPv6 translation"}, {"64:ff9b::ffff:ffff", "IPv4/IPv6 translation"},
            {"64:ff9a:ffff:ffff:ffff:ffff:ffff:ffff", NOT_GLOBAL}, {"64:ff9b::1:0:0", NOT_GLOBAL},
            {"64:ff9b:1::", "local-use IPv4/IPv6 translation"},
            {"64:ff9b:1:ffff:ffff:ffff:ffff:ffff", "local-use IPv4/IPv6 translation"}, {"64:ff9b:2::", NOT_GLOBAL},
            {"100::", "discard-only"}, {"100::ffff:ffff:ffff:ffff", "discard-only"},
            {"ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", NOT_GLOBAL},
            {"100:0:0:1::", "dummy IPv6 prefix"}, {"100:0:0:1:ffff:ffff:ffff:ffff", "dummy IPv6 prefix"},
            {"100:0:0:2::", NOT_GLOBAL},
            {"1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", NOT_GLOBAL}, {"2000::", PUBLIC},
            {"2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff", PUBLIC},
            {"2001::", "IETF protocol assignments (Teredo, benchmarking, AMT, AS112, ORCHID, DETs)"},
            {"2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", "IETF protocol assignments (Teredo, benchmarking, AMT, AS112, ORCHID, DETs)"},
            {"2001:200::", PUBLIC},
            {"2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", PUBLIC}, {"2001:db8::", "documentation"},
            {"2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "documentation"}, {"2001:db9::", PUBLIC},
            {"2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff", PUBLIC}, {"2002::", "6to4"},
            {"2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "6to4"}, {"2003::", PUBLIC},
            {"2606:4700::1111", PUBLIC},
            {"2620:4f:7fff:ffff:ffff:ffff:ffff:ffff", PUBLIC}, {"2620:4f:8000::", "direct delegation AS112 service"},
            {"2620:4f:8000:ffff:ffff:ffff:ffff:ffff", "direct delegation AS112 service"}, {"2620:4f:8001::", PUBLIC},
            {"3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff", PUBLIC}, {"3fff::", "documentation"},
            {"3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff", "documentation"}, {"3fff:1000::", PUBLIC},
            {"3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", PUBLIC}, {"4000::", NOT_GLOBAL},
            {"5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", NOT_GLOBAL}, {"5f00::", "segment routing SIDs"},
            {"5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "segment routing SIDs"}, {"5f01::", NOT_GLOBAL},
            {"fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", NOT_GLOBAL}, {"fc00::", "unique local"},
            {"fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unique local"}, {"fe00::", NOT_GLOBAL},
            {"fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", NOT_GLOBAL}, {"fe80::", "link local"},
            {"febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "link local"}, {"fec0::", "deprecated site local"},
            {"feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "deprecated site local"}, {"ff00::", "multicast"},
            {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "multicast"},
    };

    @Test
    void shouldRefuseEveryIpv4SpecialPurposeBlockAndNothingJustOutside() throws Exception {
        for (String[] row : IPV4) {
            assertEquals(expected(row[1]), SpecialPurposeAddresses.purposeOf(InetAddress.getByName(row[0])), row[0]);
        }
    }

    @Test
    void shouldRefuseEveryIpv6SpecialPurposeBlockAndAllowGlobalUnicastJustOutside() throws Exception {
        for (String[] row : IPV6) {
            InetAddress address = InetAddress.getByName(row[0]);
            assertEquals(16, address.getAddress().length, row[0]);
            assertEquals(expected(row[1]), SpecialPurposeAddresses.purposeOf(address), row[0]);
        }
    }

    @Test
    void shouldJudgeAnIpv4MappedIpv6AddressByTheIpv4AddressItCarries() throws Exception {
        assertEquals(Optional.of("loopback"), SpecialPurposeAddresses.purposeOf(mapped(127, 0, 0, 1)));
        assertEquals(Optional.of("private use"), SpecialPurposeAddresses.purposeOf(mapped(10, 0, 0, 1)));
        assertEquals(Optional.of("shared address space (carrier-grade NAT)"),
                SpecialPurposeAddresses.purposeOf(mapped(100, 64, 0, 1)));
        assertEquals(Optional.of("this network"), SpecialPurposeAddresses.purposeOf(mapped(0, 0, 0, 0)));
        assertEquals(Optional.empty(), SpecialPurposeAddresses.purposeOf(mapped(8, 8, 8, 8)));
        // The JDK turns a mapped literal into the IPv4 address it carries: judged the same way.
        assertEquals(Optional.of("link local"), SpecialPurposeAddresses.purposeOf(InetAddress.getByName("::ffff:169.254.169.254")));
        // Just outside ::ffff:0:0/96: ::fffe:... and ::1:0:0:0 are not global unicast.
        assertEquals(Optional.of(NOT_GLOBAL), SpecialPurposeAddresses.purposeOf(InetAddress.getByName("::fffe:808:808")));
    }

    private static InetAddress mapped(int a, int b, int c, int d) throws Exception {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xFF;
        bytes[11] = (byte) 0xFF;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        InetAddress address = Inet6Address.getByAddress(null, bytes, -1);
        assertEquals(16, address.getAddress().length);
        return address;
    }

    private static Optional<String> expected(String purpose) {
        return PUBLIC.equals(purpose) ? Optional.empty() : Optional.of(purpose);
    }
}
