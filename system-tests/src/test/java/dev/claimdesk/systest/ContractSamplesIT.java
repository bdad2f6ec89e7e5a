package dev.claimdesk.systest;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContractSamplesIT {

    @TestFactory
    Stream<DynamicTest> shouldMatchEverySampleMessageToItsSchema() {
        return Stream.of("article.ingested.v1", "claim.extracted.v1", "task.updated.v1", "verdict.published.v1")
                .map(event -> DynamicTest.dynamicTest(event, () ->
                        assertEquals("", Contracts.violations(event, Contracts.read(event + ".sample.json")))));
    }

    @TestFactory
    Stream<DynamicTest> shouldRejectASampleMissingARequiredField() {
        return Stream.of("article.ingested.v1", "claim.extracted.v1", "task.updated.v1", "verdict.published.v1")
                .map(event -> DynamicTest.dynamicTest(event, () -> {
                    var sample = (com.fasterxml.jackson.databind.node.ObjectNode) Contracts.read(event + ".sample.json");
                    sample.remove("eventId");
                    org.junit.jupiter.api.Assertions.assertTrue(Contracts.violations(event, sample).contains("eventId"));
                }));
    }
}
