package dev.claimdesk.commons.messaging;

import java.util.List;

/**
 * Applies events taken together ({@link Inbox#batched}), in arrival order, inside the transaction that also records
 * their message ids; throws to have them applied again one at a time.
 */
@FunctionalInterface
public interface BatchHandler<E> {

    void handleAll(List<E> events);

    /** For a handler with nothing to share between the events of a batch but the transaction. */
    static <E> BatchHandler<E> each(EventHandler<E> handler) {
        return events -> events.forEach(handler::handle);
    }
}
