package dev.claimdesk.claims.security;

import dev.claimdesk.commons.testing.AccessMatrixTest;
import dev.claimdesk.commons.testing.ProdSecurityProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ProdSecurityProfile.class)
class ClaimsAccessTest extends AccessMatrixTest {

    @Override
    protected String service() {
        return "claims-service";
    }
}
