package dev.claimdesk.webui.page;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;

/** The cookies of the pages: HttpOnly, SameSite, and Secure whenever the browser came over https. */
final class Cookies {

    static final String SESSION = "claimdesk_session";
    static final String LOGIN_CSRF = "claimdesk_login_csrf";

    private Cookies() {
    }

    static NewCookie session(String secret, HttpServerRequest http) {
        return base(SESSION, secret, "/", http).sameSite(NewCookie.SameSite.LAX).build();
    }

    static NewCookie loginCsrf(String token, HttpServerRequest http) {
        return base(LOGIN_CSRF, token, "/login", http).sameSite(NewCookie.SameSite.STRICT).build();
    }

    static NewCookie expired(String name, String path, HttpServerRequest http) {
        return base(name, "", path, http).maxAge(0).sameSite(NewCookie.SameSite.LAX).build();
    }

    private static NewCookie.Builder base(String name, String value, String path, HttpServerRequest http) {
        return new NewCookie.Builder(name).value(value).path(path).httpOnly(true).secure(secure(http));
    }

    static boolean secure(HttpServerRequest http) {
        return http.isSSL() || "https".equalsIgnoreCase(http.scheme());
    }
}
