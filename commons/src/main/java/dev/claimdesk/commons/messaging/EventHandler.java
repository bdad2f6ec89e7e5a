package dev.claimdesk.commons.messaging;

/** Applies one event inside the transaction that also records its message id; throws to have it redelivered. */
@FunctionalInterface
public interface EventHandler<E> {

    void handle(E event);
}
