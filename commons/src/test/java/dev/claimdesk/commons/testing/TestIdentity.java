package dev.claimdesk.commons.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The test run's identity, made once per JVM before any test runs ({@link TestIdentityListener}): an RSA key pair in target/test-jwt (web-ui
 * signs with it, every service verifies with it, {@link Tokens} signs test tokens with it) and a password for
 * web-ui's first admin, all as system properties the services' configuration reads. No key or password is
 * committed, and nothing needs setting up outside the JVM, so the tests run the same with Dev Services.
 */
public final class TestIdentity {

    public static final String PRIVATE_KEY = "claimdesk.test.jwt.private-key";
    public static final String PUBLIC_KEY = "claimdesk.test.jwt.public-key";
    public static final String ADMIN_USERNAME = "first-admin";
    public static final String ADMIN_PASSWORD = "claimdesk.identity.bootstrap-admin.password";

    private TestIdentity() {
    }

    public static synchronized void ensure() {
        if (System.getProperty(PRIVATE_KEY) != null) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path dir = Files.createDirectories(Path.of("target", "test-jwt").toAbsolutePath());
            Path privateKey = write(dir.resolve("private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
            Path publicKey = write(dir.resolve("public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
            System.setProperty(PRIVATE_KEY, privateKey.toString());
            System.setProperty(PUBLIC_KEY, publicKey.toString());
            System.setProperty("mp.jwt.verify.publickey.location", publicKey.toString());
            System.setProperty("smallrye.jwt.sign.key.location", privateKey.toString());
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            System.setProperty("claimdesk.identity.bootstrap-admin.username", ADMIN_USERNAME);
            System.setProperty(ADMIN_PASSWORD, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String adminPassword() {
        ensure();
        return System.getProperty(ADMIN_PASSWORD);
    }

    private static Path write(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        return file;
    }
}
