package dev.claimdesk.webui.security;

import dev.claimdesk.commons.testing.AccessMatrixTest;
import dev.claimdesk.commons.testing.ProdSecurityProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ProdSecurityProfile.class)
class WebUiAccessTest extends AccessMatrixTest {

    @Override
    protected String service() {
        return "web-ui";
    }
}
