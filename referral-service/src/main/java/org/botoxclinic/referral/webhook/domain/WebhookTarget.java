package org.botoxclinic.referral.webhook.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the clinic may send a partner's webhook calls: an https URL on a public address. Plain http and
 * private, loopback or link-local targets are refused unless configured for development, so a partner cannot
 * point the clinic's own network at itself.
 */
public final class WebhookTarget {

    private WebhookTarget() {
    }

    /** @return why the URL is refused, or empty when the clinic may call it */
    public static Optional<String> refusal(String url, boolean requireHttps, boolean allowPrivate) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            return Optional.of(requireHttps ? "must be an https URL" : "must be an http(s) URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.of("must name a host, without credentials");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    return Optional.of("must be a public address, not " + address.getHostAddress());
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                // IPv6 unique local addresses (fc00::/7) are private too.
                || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xFE) == 0xFC);
    }
}
