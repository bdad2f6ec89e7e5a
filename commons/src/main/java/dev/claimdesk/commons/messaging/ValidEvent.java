package dev.claimdesk.commons.messaging;

/** An event body that can tell whether it keeps the contract, before any handler takes it. */
public interface ValidEvent {

    /** Throws {@link PoisonMessageException} for a body that breaks the contract: no retry can fix it. */
    void requireValid();
}
