package org.botoxclinic.localstack;

import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code clinic-local-stack.jar}, normally driven by {@code ./clinic}:
 * {@code postgres [root] [port]}, {@code kafka [root] [port] [controller-port]} and
 * {@code mail [root] [smtp-port] [http-port]} run one server each for the local run, {@code token <group> ...} mints
 * a development token.
 */
public final class LocalStack {

    static final int USAGE = 2;

    private LocalStack() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        int status = switch (command) {
            case "postgres" -> InfraCommand.postgres(rest, System.getenv());
            case "kafka" -> InfraCommand.kafka(rest, System.getenv());
            case "mail" -> InfraCommand.mail(rest);
            case "token" -> TokenCommand.run(rest, System.out, System.err);
            default -> {
                System.err.println("usage: java -jar clinic-local-stack.jar postgres [repo-root] [port]");
                System.err.println("       java -jar clinic-local-stack.jar kafka [repo-root] [port] [controller-port]");
                System.err.println("       java -jar clinic-local-stack.jar mail [repo-root] [smtp-port] [http-port]");
                System.err.println("       java -jar clinic-local-stack.jar token <group> [--partner ID] [--ttl HOURS]");
                yield USAGE;
            }
        };
        // Kafka leaves non-daemon threads behind even after a failed start; only an explicit exit ends the JVM.
        System.exit(status);
    }
}
