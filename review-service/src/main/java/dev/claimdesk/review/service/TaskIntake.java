package dev.claimdesk.review.service;

import dev.claimdesk.commons.persistence.Sql;
import dev.claimdesk.review.Article;
import dev.claimdesk.review.ClusterClaim;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.config.ReviewConfig;
import dev.claimdesk.review.messaging.ClaimExtracted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Handler: keeps each article's latest claims as claims-service announced them and gives every cluster one task.
 * New claims joining a cluster join its open task, which may rise in priority; a task whose cluster claims-service
 * merged into another folds into that cluster's task. New tasks go to a reviewer at once when one has room.
 */
@ApplicationScoped
public class TaskIntake {

    private static final Pattern CASUALTIES = Pattern.compile("(?i)\\b(?:killed|dead|deaths?|died|wounded|injured|"
            + "casualt\\w*|missing|displaced|refugees|victims)\\b");

    private final EntityManager em;
    private final Routing routing;
    private final TaskEvents events;
    private final Audit audit;
    private final ReviewConfig config;

    TaskIntake(EntityManager em, Routing routing, TaskEvents events, Audit audit, ReviewConfig config) {
        this.em = em;
        this.routing = routing;
        this.events = events;
        this.audit = audit;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(ClaimExtracted event) {
        event.requireValid();
        Article article = Article.findById(event.articleId(), LockModeType.PESSIMISTIC_WRITE);
        if (article != null && article.revision > event.revision()) {
            // an older revision announced late: its claims were replaced already
            return;
        }
        // a correction of the revision held here; one of a revision not yet taken in brings news along with it
        String corrector = "CORRECTION".equals(event.cause()) && article != null && article.revision == event.revision()
                ? event.correctedBy() : null;
        if (article == null) {
            article = new Article();
            article.id = event.articleId();
        }
        article.revision = event.revision();
        article.outlet = event.outlet();
        article.url = event.url();
        article.publishedAt = event.publishedAt();
        article.copyOf = event.copyOf();
        article.persist();
        Set<UUID> touched = new TreeSet<>();
        for (ClaimExtracted.Merge merge : event.mergedClusters() == null ? List.<ClaimExtracted.Merge>of() : event.mergedClusters()) {
            merge(merge.from(), merge.into(), touched);
        }
        // only the clusters: entities loaded here would outlive the bulk delete in the session, and a correction
        // announces the same claim ids again
        touched.addAll(em.createQuery("select distinct c.clusterId from ClusterClaim c where c.articleId = ?1", UUID.class)
                .setParameter(1, event.articleId()).getResultList());
        // a correction announces every article of a cluster again: the clusters it leaves as they were are not changed
        Map<UUID, List<String>> was = corrector == null ? Map.of() : contents(touched);
        // SQL rather than a bulk HQL delete, which Hibernate translates anew on every execution (once per article)
        Sql.on(em, ClusterClaim.class, "DELETE FROM cluster_claim WHERE article_id = ?1").setParameter(1, event.articleId())
                .executeUpdate();
        em.flush();
        Map<UUID, UUID> currentOf = current(event.claims().stream().map(ClaimExtracted.Item::clusterId).toList());
        for (ClaimExtracted.Item item : event.claims()) {
            ClusterClaim claim = new ClusterClaim();
            claim.claimId = item.id();
            claim.articleId = event.articleId();
            claim.revision = event.revision();
            claim.clusterId = currentOf.get(item.clusterId());
            claim.type = item.type();
            claim.text = item.text();
            claim.start = item.start();
            claim.checkworthiness = item.checkworthiness();
            claim.checkworthinessReasons = item.checkworthinessReasons() == null ? List.of() : item.checkworthinessReasons();
            claim.casualties = item.type().equals("STATISTIC") && item.quantity() != null
                    && CASUALTIES.matcher(item.quantity().subject() + " " + item.quantity().unit()).find();
            claim.conflicted = item.conflicts() != null && !item.conflicts().isEmpty();
            claim.conflictsWith = item.conflictingClaims() == null ? new UUID[0] : item.conflictingClaims().toArray(UUID[]::new);
            claim.figure = item.quantity() == null ? null : item.quantity().value();
            claim.language = event.language();
            claim.speaker = item.speaker();
            claim.source = event.copyOf() != null ? event.copyOf() : event.articleId();
            claim.persist();
            touched.add(claim.clusterId);
        }
        em.flush();
        List<Created> created = new ArrayList<>();
        Map<UUID, List<String>> now = corrector == null ? Map.of() : contents(touched);
        for (UUID cluster : touched) {
            if (corrector != null && was.containsKey(cluster) && was.get(cluster).equals(now.get(cluster))) {
                continue;
            }
            refresh(cluster, corrector).ifPresent(created::add);
        }
        // the most urgent first: when reviewers' room runs out, what is left waiting is the least urgent
        created.sort(java.util.Comparator.comparingDouble((Created c) -> -c.task().priority).thenComparing(c -> c.task().dueAt));
        for (Created c : created) {
            if (!routing.assignNew(c.task(), c.claimIds())) {
                events.announce(c.task(), c.claimIds());
            }
        }
    }

    /** What the claims of each of these clusters say, as plain values (no entities: a bulk delete follows). */
    private Map<UUID, List<String>> contents(Collection<UUID> clusters) {
        Map<UUID, List<String>> contents = new HashMap<>();
        if (clusters.isEmpty()) {
            return contents;
        }
        for (Object[] r : em.createQuery("select c.clusterId, c.claimId, c.type, c.text, c.start, c.checkworthiness, c.speaker, "
                        + "c.figure, c.conflictsWith from ClusterClaim c where c.clusterId in ?1 order by c.claimId", Object[].class)
                .setParameter(1, clusters).getResultList()) {
            contents.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(java.util.Arrays.deepToString(
                    new Object[] {r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]}));
        }
        return contents;
    }

    /**
     * The cluster each cluster id stands for now, after claims-service's merges: one query for all of them per step
     * along the merges (most articles: one query that finds none).
     */
    Map<UUID, UUID> current(Collection<UUID> clusters) {
        Map<UUID, UUID> now = new HashMap<>();
        clusters.forEach(c -> now.put(c, c));
        Set<UUID> asked = new HashSet<>(now.keySet());
        for (int hops = 0; hops < 100 && !asked.isEmpty(); hops++) {
            Map<UUID, UUID> into = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, into_cluster FROM merged_cluster "
                            + "WHERE id = ANY(CAST(CAST(?1 AS text[]) AS uuid[]))")
                    .setParameter(1, Sql.uuids(asked))
                    .getResultList();
            rows.forEach(r -> into.put((UUID) r[0], (UUID) r[1]));
            asked = new HashSet<>();
            for (Map.Entry<UUID, UUID> entry : now.entrySet()) {
                UUID next = into.get(entry.getValue());
                if (next != null) {
                    entry.setValue(next);
                    asked.add(next);
                }
            }
        }
        return now;
    }

    private void merge(UUID from, UUID into, Set<UUID> touched) {
        if (from == null || into == null || from.equals(into)
                || em.createNativeQuery("INSERT INTO merged_cluster (id, into_cluster) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, from).setParameter(2, into).executeUpdate() == 0) {
            return;
        }
        Sql.on(em, ClusterClaim.class, "UPDATE cluster_claim SET cluster_id = ?1 WHERE cluster_id = ?2").setParameter(1, into)
                .setParameter(2, from).executeUpdate();
        touched.add(into);
        ReviewTask absorbed = task(from).orElse(null);
        if (absorbed == null) {
            return;
        }
        ReviewTask surviving = task(into).orElse(null);
        Map<String, Object> was = Audit.state(absorbed);
        if (surviving == null) {
            // the merged cluster's task carries on as the task of the cluster that took its claims
            absorbed.clusterId = into;
        } else if (absorbed.open()) {
            absorbed.stage = ReviewTask.DONE;
            absorbed.status = "CANCELLED";
            absorbed.assignee = null;
        } else {
            return;
        }
        absorbed.version++;
        absorbed.updatedAt = now();
        audit.record(Audit.SYSTEM, "task.merged", absorbed, null, was, Audit.state(absorbed));
        events.announce(absorbed);
    }

    /** A task made for a cluster, to be routed, and the ids of the claims it was made from. */
    private record Created(ReviewTask task, List<UUID> claimIds) {
    }

    /**
     * Makes or updates the cluster's task; returns it when it is new. {@code corrector}: the reviewer whose correction
     * changed the claims, null when news did.
     */
    private Optional<Created> refresh(UUID cluster, String corrector) {
        List<ClusterClaim> claims = ClusterClaim.list("clusterId = ?1 " + TaskEvents.ORDER, cluster);
        ReviewTask task = task(cluster).orElse(null);
        if (claims.isEmpty() || task != null && !task.open()) {
            // a decided cluster's new claims show its verdict in claims-service; nothing is left to review
            return Optional.empty();
        }
        double priority = Priorities.of(claims);
        if (task == null) {
            ClusterClaim lead = Priorities.lead(claims);
            task = new ReviewTask();
            task.id = UUID.randomUUID();
            task.clusterId = cluster;
            task.stage = ReviewTask.FIRST_REVIEW;
            task.status = ReviewTask.QUEUED;
            task.priority = priority;
            task.createdAt = now();
            task.updatedAt = task.createdAt;
            task.dueAt = task.createdAt.plus(serviceLevel(priority));
            task.skill = config.skills().of(lead.type);
            task.language = lead.language;
            task.leadClaimId = lead.claimId;
            task.version = 1;
            task.persist();
            audit.record(Audit.SYSTEM, "task.created", task, null, null, Audit.state(task));
            // announced once routed, as it then stands: one task.updated.v1, not one queued and one assigned
            return Optional.of(new Created(task, TaskEvents.ids(claims)));
        }
        UUID ledWith = task.leadClaimId;
        task.leadClaimId = Priorities.lead(ledWith, claims).claimId;
        Map<String, Object> was = Audit.state(task);
        // the cluster's claims changed: its task says so with a new version
        task.claimsChanged(corrector);
        task.updatedAt = now();
        if (priority != task.priority) {
            task.priority = priority;
            Instant due = task.createdAt.plus(serviceLevel(priority));
            task.dueAt = due.isBefore(task.dueAt) ? due : task.dueAt;
            audit.record(Audit.SYSTEM, "task.reprioritised", task, null, was, Audit.state(task));
        }
        if (corrector != null) {
            // a reviewer's correction of the claims belongs in the task's own trail, by name
            audit.record(corrector, "task.claims-corrected", task, null, Map.of("version", was.get("version")),
                    Map.of("version", task.version, "claimIds", TaskEvents.ids(claims).stream().map(UUID::toString).toList()));
        }
        if (!task.leadClaimId.equals(ledWith)) {
            // the claim it led with left the cluster: a reviewer rating it must reload, which the new version makes them do
            audit.record(Audit.SYSTEM, "task.lead-changed", task, null, Map.of("leadClaimId", String.valueOf(ledWith)),
                    Map.of("leadClaimId", task.leadClaimId.toString(), "version", task.version));
        }
        events.announce(task, TaskEvents.ids(claims));
        return Optional.empty();
    }

    private Duration serviceLevel(double priority) {
        return config.serviceLevels().of(Priorities.band(priority));
    }

    private Optional<ReviewTask> task(UUID cluster) {
        return ReviewTask.<ReviewTask>find("clusterId", cluster).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
