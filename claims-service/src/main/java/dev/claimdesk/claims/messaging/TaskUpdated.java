package dev.claimdesk.claims.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of {@code task.updated.v1} as this consumer reads it; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskUpdated(UUID eventId, Instant occurredAt, UUID taskId, UUID clusterId, List<UUID> claimIds, String stage,
                          String status, Long version) implements dev.claimdesk.commons.messaging.ValidEvent {

    @Override
    public void requireValid() {
        if (taskId == null || clusterId == null || status == null || version == null) {
            throw new dev.claimdesk.commons.messaging.PoisonMessageException("task.updated.v1 without taskId, clusterId, status or version",
                    null);
        }
    }
}
