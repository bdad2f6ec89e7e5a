package dev.claimdesk.webui.security;

import dev.claimdesk.commons.testing.ProdSecurityProfile;
import dev.claimdesk.commons.testing.TokenVerificationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ProdSecurityProfile.class)
class WebUiTokenTest extends TokenVerificationTest {
}
