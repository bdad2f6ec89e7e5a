package dev.claimdesk.commons.testing;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Bearer JWTs for tests, signed with the test run's key ({@link TestIdentity}, whose public half the services
 * verify with), or deliberately wrong for the token tests.
 */
public final class Tokens {

    private Tokens() {
    }

    /** A request carrying a valid token with these roles, subject {@code test-<first role>}. */
    public static RequestSpecification givenToken(String... roles) {
        return given().auth().oauth2(valid("test-" + (roles.length == 0 ? "none" : roles[0]), roles));
    }

    public static String valid(String subject, String... roles) {
        return builder().subject(subject).roles(roles).sign();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String subject = "test-user";
        private List<String> roles = List.of();
        private String issuer = config("mp.jwt.verify.issuer", "claimdesk");
        private String audience = config("mp.jwt.verify.audiences", "claimdesk");
        private long lifetimeSeconds = 300;
        private long issuedSecondsAgo = 0;
        private PrivateKey key = testKey();

        public Builder subject(String value) {
            subject = value;
            return this;
        }

        public Builder roles(String... values) {
            roles = List.of(values);
            return this;
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder audience(String value) {
            audience = value;
            return this;
        }

        /** Issued this long ago and valid for {@code lifetime} from then: expired when lifetime < ago. */
        public Builder issuedAgo(long secondsAgo, long lifetime) {
            issuedSecondsAgo = secondsAgo;
            lifetimeSeconds = lifetime;
            return this;
        }

        public Builder signedWith(PrivateKey value) {
            key = value;
            return this;
        }

        public JwtClaims claims() {
            JwtClaims claims = new JwtClaims();
            long now = System.currentTimeMillis() / 1000;
            claims.setIssuer(issuer);
            claims.setAudience(audience);
            claims.setSubject(subject);
            claims.setClaim("upn", subject);
            claims.setStringListClaim("groups", roles);
            claims.setJwtId(UUID.randomUUID().toString());
            claims.setIssuedAt(NumericDate.fromSeconds(now - issuedSecondsAgo));
            claims.setExpirationTime(NumericDate.fromSeconds(now - issuedSecondsAgo + lifetimeSeconds));
            return claims;
        }

        public String sign() {
            return Tokens.sign(claims(), key);
        }
    }

    public static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims with {@code alg: none} and no signature. */
    public static String unsigned(JwtClaims claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
                + "." + b64.encodeToString(claims.toJson().getBytes()) + ".";
    }

    /** A key no service trusts. */
    public static PrivateKey strangerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey testKey() {
        TestIdentity.ensure();
        String location = System.getProperty(TestIdentity.PRIVATE_KEY);
        try {
            return readPrivateKey(Path.of(location));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the test signing key " + location, e);
        }
    }

    /** Reads a PKCS#8 PEM RSA private key, as {@code openssl genpkey} writes it. */
    public static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String config(String name, String fallback) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(fallback);
        } catch (IllegalStateException e) {
            return fallback;
        }
    }
}
