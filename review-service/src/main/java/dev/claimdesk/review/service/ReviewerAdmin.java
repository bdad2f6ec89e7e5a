package dev.claimdesk.review.service;

import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.review.Reviewer;
import dev.claimdesk.review.config.ReviewConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Admins keep the desk's reviewers: skills, languages, capacity, active, senior. Every change is audited, and
 * waiting tasks are routed again at once.
 */
@ApplicationScoped
public class ReviewerAdmin {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final int MAX_CAPACITY = 1000;
    private static final int WAITING_PER_CHANGE = 100;

    /** What an admin sends to create or replace a reviewer. */
    public record Profile(String username, String displayName, List<String> skills, List<String> languages, Integer capacity,
                          Boolean active, Boolean senior) {
    }

    private final ReviewConfig config;
    private final Audit audit;
    private final Routing routing;

    ReviewerAdmin(ReviewConfig config, Audit audit, Routing routing) {
        this.config = config;
        this.audit = audit;
        this.routing = routing;
    }

    @Transactional
    public Reviewer create(Profile profile, String admin) {
        validate(profile);
        if (Reviewer.byUsername(profile.username()) != null) {
            throw new ProblemException(409, "reviewer-exists", "Reviewer exists", "A reviewer " + profile.username() + " exists");
        }
        Reviewer reviewer = new Reviewer();
        reviewer.id = UUID.randomUUID();
        apply(reviewer, profile);
        reviewer.version = 1;
        reviewer.persist();
        audit.record(admin, "reviewer.created", null, reviewer.username, null, state(reviewer));
        // waiting tasks this reviewer can take go to them now, not at the next round of the desk
        routing.routeWaiting(WAITING_PER_CHANGE);
        return reviewer;
    }

    @Transactional
    public Reviewer update(UUID id, Profile profile, String admin) {
        validate(profile);
        Reviewer reviewer = Reviewer.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (reviewer == null) {
            throw ProblemException.notFound("Reviewer", id);
        }
        Reviewer other = Reviewer.byUsername(profile.username());
        if (other != null && !other.id.equals(id)) {
            throw new ProblemException(409, "reviewer-exists", "Reviewer exists", "A reviewer " + profile.username() + " exists");
        }
        Map<String, Object> before = state(reviewer);
        apply(reviewer, profile);
        reviewer.version++;
        audit.record(admin, "reviewer.updated", null, reviewer.username, before, state(reviewer));
        routing.routeWaiting(WAITING_PER_CHANGE);
        return reviewer;
    }

    private void apply(Reviewer reviewer, Profile p) {
        reviewer.username = p.username();
        reviewer.displayName = p.displayName() == null || p.displayName().isBlank() ? p.username() : p.displayName().strip();
        reviewer.skills = new TreeSet<>(p.skills()).toArray(String[]::new);
        reviewer.languages = new LinkedHashSet<>(p.languages() == null ? List.of() : p.languages()).toArray(String[]::new);
        reviewer.capacity = p.capacity();
        reviewer.active = p.active() == null || p.active();
        reviewer.senior = p.senior() != null && p.senior();
    }

    private void validate(Profile p) {
        if (p == null || p.username() == null || !USERNAME.matcher(p.username()).matches()) {
            throw invalid("username is 2 to 64 lower-case letters, digits, '.', '_' or '-', as the reviewer signs in to web-ui");
        }
        if (p.capacity() == null || p.capacity() < 0 || p.capacity() > MAX_CAPACITY) {
            throw invalid("capacity, the most open tasks at once, is between 0 and " + MAX_CAPACITY);
        }
        Set<String> known = knownSkills();
        if (p.skills() == null || p.skills().stream().anyMatch(s -> s == null || !known.contains(s))) {
            throw ProblemException.badRequest("unknown-skill", "Unknown skill", "skills are among " + new TreeSet<>(known));
        }
        if (p.languages() != null && p.languages().stream().anyMatch(l -> l == null || !LANGUAGE.matcher(l).matches())) {
            throw invalid("languages are ISO 639 codes such as en, de, uk");
        }
        if (p.displayName() != null && p.displayName().length() > 200) {
            throw invalid("displayName has at most 200 characters");
        }
    }

    public Set<String> knownSkills() {
        Set<String> known = new TreeSet<>(config.knownSkills());
        known.addAll(config.skills().all());
        return known;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-reviewer", "Invalid reviewer", detail);
    }

    private static Map<String, Object> state(Reviewer r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("displayName", r.displayName);
        state.put("skills", List.of(r.skills));
        state.put("languages", List.of(r.languages));
        state.put("capacity", r.capacity);
        state.put("active", r.active);
        state.put("senior", r.senior);
        return state;
    }
}
