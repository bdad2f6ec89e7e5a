package dev.claimdesk.webui.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where the pages find the services they show ({@code claimdesk.services.*}): web-ui is their backend-for-frontend. */
@ConfigMapping(prefix = "claimdesk.services")
public interface ServicesConfig {

    @WithDefault("http://127.0.0.1:8081")
    String ingest();

    @WithDefault("http://127.0.0.1:8082")
    String claims();

    @WithDefault("http://127.0.0.1:8083")
    String review();

    /** How long a page waits for a service before it says the service is unavailable. */
    @WithDefault("5S")
    Duration timeout();
}
