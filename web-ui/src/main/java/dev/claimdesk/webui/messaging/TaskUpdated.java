package dev.claimdesk.webui.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** Body of {@code task.updated.v1} as the desk reads it; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskUpdated(UUID eventId, UUID taskId, UUID clusterId, String stage, String status, String assignee, Long version)
        implements dev.claimdesk.commons.messaging.ValidEvent {

    @Override
    public void requireValid() {
        if (taskId == null || stage == null) {
            throw new dev.claimdesk.commons.messaging.PoisonMessageException("task.updated.v1 without taskId or stage", null);
        }
    }
}
