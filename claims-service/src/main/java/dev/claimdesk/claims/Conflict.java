package dev.claimdesk.claims;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Two figures of one cluster that cannot both be true, with why. */
@Entity
@Table(name = "conflict")
public class Conflict extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "cluster_id")
    public UUID clusterId;
    @Column(name = "claim_a")
    public UUID claimA;
    @Column(name = "claim_b")
    public UUID claimB;
    public String kind;
    public String detail;
    @Column(name = "created_at")
    public Instant createdAt;
}
