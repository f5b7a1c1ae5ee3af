package org.botoxclinic.console.upstream;

/** A service answered a call with an error status; its problem says why. */
public class UpstreamRefusal extends RuntimeException {
    private final String service;
    private final int status;
    private final Problem problem;

    public UpstreamRefusal(String service, int status, Problem problem) {
        super(service + " answered " + status + (problem.code() == null ? "" : " " + problem.code()), null, false, false);
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }
}
