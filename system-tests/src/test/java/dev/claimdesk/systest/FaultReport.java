package dev.claimdesk.systest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault suite's table (fault, operations, lost, applied twice, unexpected, recovery time), written into
 * docs/reliability.md between its markers by the run that measured it, and to target/fault-report.md.
 */
final class FaultReport {

    private static final String START = "<!-- fault-report:start -->";
    private static final String END = "<!-- fault-report:end -->";

    record Row(String fault, long operations, long lost, long appliedTwice, long unexpected, Duration recovery, String note) {
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(Row row) {
        rows.add(row);
    }

    /** Writes the table; a run that measured nothing leaves docs/reliability.md as it was. */
    synchronized void write() throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder table = new StringBuilder();
        table.append(START).append('\n')
                .append("Run of ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, by `FaultSuiteIT`:\n\n")
                .append("| fault | operations | lost | applied twice | unexpected | recovery | notes |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        rows.sort(java.util.Comparator.comparing(Row::fault));
        for (Row r : rows) {
            table.append("| ").append(r.fault()).append(" | ").append(r.operations()).append(" | ").append(r.lost()).append(" | ")
                    .append(r.appliedTwice()).append(" | ").append(r.unexpected()).append(" | ")
                    .append(r.recovery() == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f s", r.recovery().toMillis() / 1000.0))
                    .append(" | ").append(r.note()).append(" |\n");
        }
        table.append(END);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fault-report.md"), table + "\n");
        Path doc = Path.of("..", "docs", "reliability.md");
        if (Files.exists(doc)) {
            String text = Files.readString(doc);
            int from = text.indexOf(START);
            int to = text.indexOf(END);
            if (from >= 0 && to > from) {
                Files.writeString(doc, text.substring(0, from) + table + text.substring(to + END.length()));
            }
        }
    }
}
