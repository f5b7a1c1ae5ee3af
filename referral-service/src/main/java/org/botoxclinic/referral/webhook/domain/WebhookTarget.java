package org.botoxclinic.referral.webhook.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the clinic may send a partner's webhook calls. Outside development mode: https on port 443, to a host whose
 * every address is a public internet address ({@link SpecialPurposeAddresses}). In development mode plain http,
 * other ports and (when allowed) private addresses are accepted, so that receivers on the developer's machine can
 * be called. A refusal names the rule, never an address the host resolved to.
 *
 * @param uri    the parsed URL
 * @param host   the host name (or IP literal, without brackets) as the partner wrote it
 * @param port   the port called
 * @param secure https
 */
public record WebhookTarget(URI uri, String host, int port, boolean secure) {

    public static final String NOT_PUBLIC = "must resolve only to public internet addresses";
    public static final String DOES_NOT_RESOLVE = "names a host that does not resolve";

    /** The rules in force: production's, or development's relaxations. */
    public record Rules(boolean devMode, boolean requireHttps, boolean allowPrivate) {

        public static Rules production() {
            return new Rules(false, true, false);
        }

        boolean httpsOnly() {
            return !devMode || requireHttps;
        }

        boolean privateAllowed() {
            return devMode && allowPrivate;
        }
    }

    /** A URL the clinic does not call, and why (safe to show to the partner). */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }

        public String reason() {
            return getMessage();
        }
    }

    /** Checks the URL's form: scheme, host, port, no credentials. Addresses are checked once resolved. */
    public static WebhookTarget parse(String url, Rules rules) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new Refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("https");
        if (!secure && !(scheme.equals("http") && !rules.httpsOnly())) {
            throw new Refused(rules.httpsOnly() ? "must be an https URL" : "must be an http(s) URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused("must name a host, without credentials or fragment");
        }
        int port = uri.getPort() == -1 ? (secure ? 443 : 80) : uri.getPort();
        if (!rules.devMode() && port != 443) {
            throw new Refused("must use port 443");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new WebhookTarget(uri, host, port, secure);
    }

    /** Checks every address the host resolved to: one private address refuses the host. */
    public static void checkAddresses(InetAddress[] addresses, Rules rules) throws Refused {
        if (addresses == null || addresses.length == 0) {
            throw new Refused(DOES_NOT_RESOLVE);
        }
        if (rules.privateAllowed()) {
            return;
        }
        for (InetAddress address : addresses) {
            if (SpecialPurposeAddresses.purposeOf(address).isPresent()) {
                throw new Refused(NOT_PUBLIC);
            }
        }
    }

    /** The Host header: the name as written, with the port when it is not the scheme's default. */
    public String hostHeader() {
        String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        boolean defaultPort = port == (secure ? 443 : 80);
        return defaultPort ? name : name + ":" + port;
    }

    /** The request target: path and query as written ("/" when there is no path). */
    public String requestTarget() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** Whether the host is an IP literal (no SNI and no name to verify against a certificate's DNS names). */
    public boolean hostIsLiteral() {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    /** The URL without its query string, for logs and audit: a query may carry the partner's own tokens. */
    public static String withoutQuery(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return url.substring(0, cut);
    }

    /** For callers that only need the verdict on a URL's form. */
    public static Optional<String> formRefusal(String url, Rules rules) {
        try {
            parse(url, rules);
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.reason());
        }
    }
}
