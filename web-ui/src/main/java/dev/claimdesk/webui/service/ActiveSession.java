package dev.claimdesk.webui.service;

import java.util.Set;
import java.util.UUID;

/** A live browser session: who is signed in and the token its forms must carry. */
public record ActiveSession(UUID id, String username, String displayName, Set<String> roles, String csrfToken) {
}
