package dev.claimdesk.ingest;

import dev.claimdesk.commons.testing.ServiceOperabilityTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperabilityTest extends ServiceOperabilityTest {
}
