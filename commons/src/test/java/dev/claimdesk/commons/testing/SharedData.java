package dev.claimdesk.commons.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** ../shared beside the repository: the seeds, the evaluation sets and the contract. */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        for (Path candidate : List.of(Path.of("../../shared"), Path.of("../shared"))) {
            if (Files.isDirectory(candidate.resolve("eval"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared (the evaluation data beside the repository) is missing");
    }
}
