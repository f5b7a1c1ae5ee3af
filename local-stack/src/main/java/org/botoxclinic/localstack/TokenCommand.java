package org.botoxclinic.localstack;

import java.io.PrintStream;
import java.util.List;

import org.botoxclinic.testkit.DevTokens;

/**
 * {@code token <group> [--partner ID] [--ttl HOURS]}: prints a bearer token signed with the development key pair,
 * and nothing else on stdout, so that {@code TOKEN=$(./clinic token intake)} works.
 */
final class TokenCommand {

    private TokenCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        TokenRequest request;
        try {
            request = TokenRequest.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(TokenRequest.USAGE);
            return LocalStack.USAGE;
        }
        out.println(DevTokens.mint(request.group(), request.partnerId(), request.lifetime()));
        return 0;
    }
}
