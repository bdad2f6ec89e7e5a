package dev.claimdesk.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** claimdesk.review.*: how the desk ranks, routes and publishes. */
@ConfigMapping(prefix = "claimdesk.review")
public interface ReviewConfig {

    ServiceLevels serviceLevels();

    Skills skills();

    /** The skills reviewers may have, besides those of {@link #skills()}. */
    @WithDefault("figures,military,quotes,politics,economy,health,science,climate,law,elections")
    java.util.Set<String> knownSkills();

    /** How often waiting tasks are routed and tasks past due reassigned or escalated. */
    @WithDefault("10S")
    Duration schedulerInterval();

    Publisher publisher();

    /**
     * Time to a verdict per priority band: URGENT (priority 50 and up: casualty figures, conflicts), HIGH (35),
     * NORMAL (20), LOW.
     */
    interface ServiceLevels {
        @WithDefault("PT2H")
        Duration urgent();

        @WithDefault("PT8H")
        Duration high();

        @WithDefault("PT24H")
        Duration normal();

        @WithDefault("PT72H")
        Duration low();

        default Duration of(dev.claimdesk.review.service.Priorities.Band band) {
            return switch (band) {
                case URGENT -> urgent();
                case HIGH -> high();
                case NORMAL -> normal();
                case LOW -> low();
            };
        }
    }

    /** The skill a reviewer needs for a cluster whose leading claim has each type. */
    interface Skills {
        @WithDefault("figures")
        String statistic();

        @WithDefault("military")
        String militaryAction();

        @WithDefault("quotes")
        String quote();

        @WithDefault("politics")
        String event();

        default String of(String claimType) {
            return switch (claimType) {
                case "STATISTIC" -> statistic();
                case "MILITARY_ACTION" -> militaryAction();
                case "QUOTE" -> quote();
                default -> event();
            };
        }

        default java.util.Set<String> all() {
            return java.util.Set.of(statistic(), militaryAction(), quote(), event());
        }
    }

    /** The newsroom that publishes the verdicts: ClaimReview's author and the verdicts' url. */
    interface Publisher {
        @WithDefault("Claimdesk newsroom")
        String name();

        @WithDefault("https://newsroom.example")
        String url();

        /** Where a verdict is published; {id} stands for the verdict's id. */
        @WithDefault("https://newsroom.example/fact-checks/{id}")
        String verdictUrl();
    }
}
