package dev.claimdesk.commons.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker connection is open and the contract's topology is declared. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private final BrokerConnection broker;
    private final Topology topology;

    BrokerReadiness(BrokerConnection broker, Topology topology) {
        this.broker = broker;
        this.topology = topology;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rabbitmq")
                .status(broker.isOpen() && topology.isDeclared())
                .withData("connection", broker.isOpen() ? "open" : "closed")
                .withData("topology", topology.isDeclared() ? "declared" : "pending")
                .build();
    }
}
