package galley.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The labelled corpora of {@code ../shared/corpus/} (BBC News, BBC Sport, Reuters, NTREX), read at run
 * time: their texts belong to their publishers and never enter the repository.
 */
public final class Corpus {

    /** One corpus record. {@code label} is for scoring only and never sent to Galley. */
    public record Doc(String id, String label, String title, String body, String nearDuplicateGroup,
                      String language, String translationGroup) {
    }

    private Corpus() {
    }

    public static List<Doc> read(Path file) {
        List<Doc> docs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) continue;
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    JsonObject o = reader.readObject();
                    String label = o.containsKey("category") ? text(o, "category")
                            : o.containsKey("topics") && !o.getJsonArray("topics").isEmpty() ? o.getJsonArray("topics").getString(0) : null;
                    docs.add(new Doc(o.getString("id"), label, text(o, "title"), text(o, "body"),
                            text(o, "near_duplicate_group"), o.containsKey("lang") ? text(o, "lang") : "en",
                            text(o, "translation_group")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    private static String text(JsonObject o, String key) {
        return o.containsKey(key) && !o.isNull(key) ? o.getString(key) : null;
    }

    /** A body as Markdown: the corpus separates paragraphs with blank lines already; escape what Markdown would take as markup. */
    public static String markdown(String body) {
        if (body == null) return "";
        StringBuilder out = new StringBuilder(body.length() + 64);
        for (String line : body.split("\n", -1)) {
            // Leading spaces would make an indented code block; a line that begins like a list, heading
            // or quote stays text.
            String l = line.strip().replace("<", "&lt;");
            if (l.matches("^[#>*+=_-].*")) l = "\\" + l;
            else l = l.replaceFirst("^(\\d+)([.)])", "$1\\\\$2");
            out.append(l).append('\n');
        }
        return out.toString();
    }
}
