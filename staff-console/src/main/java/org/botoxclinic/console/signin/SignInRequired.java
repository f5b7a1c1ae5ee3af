package org.botoxclinic.console.signin;

/** Nobody is signed in, or the session (or the token it holds) has ended: the person is sent to sign in. */
public class SignInRequired extends RuntimeException {
    public SignInRequired() {
        super("sign-in required", null, false, false);
    }
}
