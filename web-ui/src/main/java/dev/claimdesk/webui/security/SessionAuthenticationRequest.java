package dev.claimdesk.webui.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret of a session cookie, to be resolved into the signed-in account. */
public class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final String secret;

    public SessionAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
