package galley.metrics.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text exposition, as a scraper reads them (names, labels, values). */
record MetricsText(List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static MetricsText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) throw new AssertionError("not a sample line of the text format: " + line);
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) labels.put(l.group(1), l.group(2));
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return new MetricsText(samples);
    }

    /** The value of the sample with this name whose labels include {@code labels} (pairs); 0 when absent. */
    double value(String name, String... labels) {
        return find(name, labels).map(Sample::value).orElse(0.0);
    }

    boolean has(String name, String... labels) {
        return find(name, labels).isPresent();
    }

    /** The sum over every sample with this name and these labels (say, every region of a cache). */
    double sum(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && matches(s, labels)).mapToDouble(Sample::value).sum();
    }

    List<Sample> all(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    private java.util.Optional<Sample> find(String name, String... labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name) && matches(s, labels)).toList();
        if (found.size() > 1) throw new AssertionError("several samples " + name + " " + String.join(",", labels) + ": " + found);
        return found.stream().findFirst();
    }

    private static boolean matches(Sample sample, String... labels) {
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) return false;
        }
        return true;
    }
}
