package dev.claimdesk.commons.messaging;

/** A message no redelivery can fix (unreadable, or breaking the contract): dead-lettered at once. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
