package galley.testing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Precision@k of similar-posts lists against corpus labels: the share of the first k entries with the
 * source's label, leaving out the source and its near-duplicate group (copies would inflate the score),
 * as the corpus README prescribes.
 */
public final class PrecisionAtK {

    private PrecisionAtK() {
    }

    /**
     * @param docs  the evaluated documents by id
     * @param lists each source's ranked list of document ids (longer than k, so duplicates can be skipped)
     */
    public static double of(Map<String, Corpus.Doc> docs, Map<String, List<String>> lists, int k) {
        double sum = 0;
        int counted = 0;
        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
            Corpus.Doc source = docs.get(e.getKey());
            int hits = 0;
            int taken = 0;
            for (String id : e.getValue()) {
                if (taken == k) break;
                Corpus.Doc d = docs.get(id);
                if (d == null || d.id().equals(source.id())) continue;
                if (source.nearDuplicateGroup() != null && source.nearDuplicateGroup().equals(d.nearDuplicateGroup())) continue;
                taken++;
                if (Objects.equals(source.label(), d.label())) hits++;
            }
            sum += hits / (double) k;
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /** Builds the lists by asking {@code similar} for each document. */
    public static double of(Map<String, Corpus.Doc> docs, Function<Corpus.Doc, List<String>> similar, int k) {
        Map<String, List<String>> lists = new java.util.HashMap<>();
        docs.values().forEach(d -> lists.put(d.id(), similar.apply(d)));
        return of(docs, lists, k);
    }
}
