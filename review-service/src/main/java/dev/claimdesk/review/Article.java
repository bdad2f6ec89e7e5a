package dev.claimdesk.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An article whose claims claims-service announced, as of its latest revision: where its claims appeared. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    public UUID id;
    public int revision;
    public String outlet;
    public String url;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "copy_of")
    public UUID copyOf;
}
