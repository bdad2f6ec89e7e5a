package dev.claimdesk.commons.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The prod profile's access rules in a test: metrics and OpenAPI for admins only. */
public class ProdSecurityProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.auth.permission.ops.policy", "admin-only");
    }
}
