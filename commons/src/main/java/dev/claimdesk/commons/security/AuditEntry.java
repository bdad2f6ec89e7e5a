package dev.claimdesk.commons.security;

/**
 * One line of the security audit. {@code actor} is who acted (a username, {@code token:<name>} or null
 * when anonymous), {@code action} what was tried (e.g. {@code login}, {@code user.disable}),
 * {@code outcome} {@code success} or why it failed, {@code address} the client's address.
 */
public record AuditEntry(String actor, String action, String target, String outcome, String address, String detail) {

    public static final String SUCCESS = "success";

    public static AuditEntry success(String actor, String action, String target, String address) {
        return new AuditEntry(actor, action, target, SUCCESS, address, null);
    }

    public AuditEntry withDetail(String text) {
        return new AuditEntry(actor, action, target, outcome, address, text);
    }
}
