package dev.claimdesk.systest;

/** Reading a service's /q/metrics (Prometheus' text format), for the fault suite and the benchmarks. */
public final class Metrics {

    private Metrics() {
    }

    /** The sum of the series of {@code name} (up to its opening brace) whose labels include {@code label}; 0 if none. */
    public static double sum(String metrics, String name, String label) {
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                // the value follows the labels; an exemplar may follow it
                double value = Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0]);
                sum += Double.isNaN(value) ? 0 : value;
            }
        }
        return sum;
    }
}
