package dev.claimdesk.commons.security;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The client's address as the audit and the rate limits see it: the socket peer, or the forwarded address
 * when {@code quarkus.http.proxy.proxy-address-forwarding} trusts the proxy in front.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(RoutingContext context) {
        return of(context.request());
    }

    public static String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
