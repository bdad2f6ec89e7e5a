package dev.claimdesk.commons.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/**
 * Reads a message body into its event, as every consumer does: JSON into the event's record (unknown fields
 * ignored), then the event's own contract check. Whatever the bytes, the answer is an event or a
 * {@link PoisonMessageException}; the fuzz tests hold every consumer's events to that.
 */
public final class EventReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule()).addModule(new Jdk8Module())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventReader() {
    }

    public static <E> E read(byte[] body, Class<E> type) {
        E event;
        try {
            event = JSON.readValue(body, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonMessageException("unreadable body: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new PoisonMessageException("the body is JSON null", null);
        }
        if (event instanceof ValidEvent valid) {
            valid.requireValid();
        }
        return event;
    }
}
