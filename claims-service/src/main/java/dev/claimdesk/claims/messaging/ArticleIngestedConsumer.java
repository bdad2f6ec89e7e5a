package dev.claimdesk.claims.messaging;

import dev.claimdesk.claims.service.ArticleIntake;
import dev.claimdesk.commons.messaging.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Transport: article.ingested.v1 from queue claims.article-ingested, applied once per message id. */
@ApplicationScoped
public class ArticleIngestedConsumer {

    static final String QUEUE = "claims.article-ingested";

    private final Inbox inbox;
    private final ArticleIntake intake;

    ArticleIngestedConsumer(Inbox inbox, ArticleIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Incoming("article-ingested")
    @Blocking
    public CompletionStage<Void> consume(Message<?> message) {
        return inbox.deliver(QUEUE, message, ArticleIngested.class, intake::receive);
    }
}
