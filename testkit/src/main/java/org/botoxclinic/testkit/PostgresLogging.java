package org.botoxclinic.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL server settings that keep row values out of the server log: errors without DETAIL/CONTEXT (a failing
 * row or a duplicate key repeats the values), never the failing statement or its parameters, no statement logging.
 * Used by the tests' server and by the local stack's; compose passes the same settings on the postgres command.
 */
public final class PostgresLogging {

    /** Setting name to value, as {@code postgres -c name=value}. */
    public static final Map<String, String> WITHOUT_ROW_VALUES = settings();

    private PostgresLogging() {
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("log_error_verbosity", "terse");
        settings.put("log_min_error_statement", "panic");
        settings.put("log_statement", "none");
        settings.put("log_min_duration_statement", "-1");
        settings.put("log_duration", "off");
        settings.put("log_parameter_max_length", "0");
        settings.put("log_parameter_max_length_on_error", "0");
        return Map.copyOf(settings);
    }
}
