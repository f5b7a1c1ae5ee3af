package org.botoxclinic.localstack;

import java.time.Duration;
import java.util.List;

/** The parsed arguments of {@code token <group> [--partner ID] [--ttl HOURS]}. */
record TokenRequest(String group, String partnerId, Duration lifetime) {

    /** The roles the services declare; anything else would mint a token no endpoint accepts. */
    static final List<String> GROUPS = List.of("partner", "intake", "authorizations", "scheduler", "admin");

    /** Long enough for a working day of trying things out without minting again. */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

    /** The services of the local run refuse older tokens (./clinic sets JWT_MAX_TOKEN_AGE to this). */
    static final Duration MAX_LIFETIME = Duration.ofHours(24);

    static final String USAGE = "usage: token <" + String.join("|", GROUPS) + "> [--partner ID] [--ttl HOURS]\n"
            + "  --partner ID  the partner practice the token acts for (required for, and only for, group partner)\n"
            + "  --ttl HOURS   lifetime in whole hours (default " + DEFAULT_LIFETIME.toHours() + ", at most "
            + MAX_LIFETIME.toHours() + ")";

    static TokenRequest parse(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no group given");
        }
        String group = args.get(0);
        if (!GROUPS.contains(group)) {
            throw new IllegalArgumentException("unknown group '" + group + "'");
        }
        String partnerId = null;
        Duration lifetime = DEFAULT_LIFETIME;
        for (int i = 1; i < args.size(); i += 2) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(i + 1);
            switch (option) {
                case "--partner" -> partnerId = nonBlank(option, value);
                case "--ttl" -> lifetime = Duration.ofHours(positiveHours(value));
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        if ("partner".equals(group) && partnerId == null) {
            throw new IllegalArgumentException("group partner needs --partner ID");
        }
        if (!"partner".equals(group) && partnerId != null) {
            throw new IllegalArgumentException("--partner only applies to group partner");
        }
        return new TokenRequest(group, partnerId, lifetime);
    }

    private static String nonBlank(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static long positiveHours(String value) {
        try {
            long hours = Long.parseLong(value);
            if (hours > 0 && hours <= MAX_LIFETIME.toHours()) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // reported below with the offending value
        }
        throw new IllegalArgumentException("--ttl needs a number of hours from 1 to " + MAX_LIFETIME.toHours() + ", not '" + value + "'");
    }
}
