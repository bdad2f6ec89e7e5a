package dev.claimdesk.webui.service;

import dev.claimdesk.webui.config.IdentityConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Signs the short-lived JWTs every service accepts, with the key of {@code smallrye.jwt.sign.key.location}
 * and the issuer and audience the services verify.
 */
@ApplicationScoped
public class TokenIssuer {

    public static final Duration MAX_LIFESPAN = Duration.ofMinutes(5);

    private final Duration lifespan;
    private final String issuer;
    private final Set<String> audiences;

    TokenIssuer(IdentityConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                @ConfigProperty(name = "mp.jwt.verify.audiences") Set<String> audiences) {
        if (config.tokenLifespan().compareTo(MAX_LIFESPAN) > 0 || config.tokenLifespan().isNegative()) {
            throw new IllegalStateException("claimdesk.identity.token-lifespan must be at most 5 minutes");
        }
        this.lifespan = config.tokenLifespan();
        this.issuer = issuer;
        this.audiences = audiences;
    }

    public record Issued(String accessToken, long expiresIn, String id) {
    }

    /** A token for {@code name} (the principal every service sees) with exactly these roles. */
    public Issued issue(String subject, String name, Set<String> roles) {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        String token = Jwt.issuer(issuer)
                .audience(audiences)
                .subject(subject)
                .upn(name)
                .claim("preferred_username", name)
                .groups(roles)
                .claim("jti", id)
                .issuedAt(now)
                .expiresAt(now.plus(lifespan))
                .sign();
        return new Issued(token, lifespan.toSeconds(), id);
    }
}
