package dev.claimdesk.webui.service;

import dev.claimdesk.webui.config.IdentityConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Base64;

/**
 * bcrypt hashes of passwords. The password is first reduced to a SHA-256 (base64), so passphrases longer than
 * bcrypt's 72 bytes keep all their strength and a NUL character cannot cut them short.
 */
@ApplicationScoped
public class Passwords {

    private final int cost;
    /** Checked against when the username is unknown, so the answer takes as long as for a known one. */
    private final String decoy;

    Passwords(IdentityConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = BcryptUtil.bcryptHash(prehash(Secrets.random(16)), cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(prehash(password), cost);
    }

    public boolean matches(String password, String hash) {
        return password != null && BcryptUtil.matches(prehash(password), hash);
    }

    /** Spends the time of one check without any account. */
    public void matchDecoy(String password) {
        BcryptUtil.matches(prehash(password == null ? "" : password), decoy);
    }

    private static String prehash(String password) {
        return Base64.getEncoder().encodeToString(Secrets.sha256(password));
    }
}
