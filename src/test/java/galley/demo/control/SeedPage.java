package galley.demo.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The seed page of {@code ../shared/seed/} (a think-tank analysis), parsed into its parts the way an
 * editor would enter them. Read at test time only: its text belongs to its publisher.
 */
record SeedPage(String title, List<String> alsoAvailableIn, String body, List<Reference> references, Author author) {

    record Reference(int number, String citation, String authors, String title, String publisher, LocalDate accessedOn) {
    }

    record Degree(String degree, String institution, String field, int year, String thesisTitle) {
    }

    record Author(String honorific, String name, String organisation, String position, String bio,
                  List<String> expertise, List<Degree> degrees) {
    }

    private static final Pattern REFERENCE = Pattern.compile("^\\[(\\d+)]\\s+(.*)$");
    private static final Pattern QUOTED = Pattern.compile("[“\"]([^”\"]+)[”\"]");
    private static final Pattern ACCESSED = Pattern.compile("Date of Accession:\\s*(\\d{2}\\.\\d{2}\\.\\d{4})");
    private static final Pattern DEGREE = Pattern.compile(
            "(Yüksek lisans|doktora) derecesini(?: de)? (\\d{4}) yılında (.+?) hazırladığı [“\"]([^”\"]+)[”\"] başlıklı");

    static SeedPage read(Path seedDir) {
        Path file;
        try (Stream<Path> files = Files.list(seedDir)) {
            file = files.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seed page in " + seedDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> paragraphs = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String title = paragraphs.get(0);
        List<String> languages = new ArrayList<>();
        List<String> body = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        int i = 1;
        for (; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            if (p.equals("Similar Posts")) continue;
            if (p.startsWith("This post is also available in:")) {
                for (String l : p.substring(p.indexOf(':') + 1).trim().split("\\s+")) languages.add(l);
                continue;
            }
            if (REFERENCE.matcher(p).matches()) break;
            body.add(p);
        }
        for (; i < paragraphs.size(); i++) {
            Matcher m = REFERENCE.matcher(paragraphs.get(i));
            if (!m.matches()) break;
            references.add(reference(Integer.parseInt(m.group(1)), m.group(2)));
        }
        String byline = paragraphs.get(i);
        String bio = paragraphs.get(i + 1);
        return new SeedPage(title, languages, String.join("\n\n", body), references, author(byline, bio));
    }

    private static Reference reference(int number, String citation) {
        Matcher quoted = QUOTED.matcher(citation);
        String title = quoted.find() ? quoted.group(1).strip() : citation;
        String before = quoted.hitEnd() ? "" : citation.substring(0, quoted.start()).replaceAll("[,\\s]+$", "").strip();
        String after = quoted.hitEnd() ? "" : citation.substring(quoted.end());
        int dateAt = after.indexOf('(');
        String publisher = (dateAt < 0 ? after : after.substring(0, dateAt)).replaceAll("^[,\\s]+|[,\\s]+$", "");
        Matcher accessed = ACCESSED.matcher(citation);
        LocalDate date = accessed.find() ? LocalDate.parse(accessed.group(1), DateTimeFormatter.ofPattern("dd.MM.yyyy")) : null;
        return new Reference(number, citation, before.isEmpty() ? null : before, title,
                publisher.isEmpty() ? null : publisher, date);
    }

    private static Author author(String byline, String bio) {
        String honorific = byline.substring(0, byline.indexOf(' '));
        String name = byline.substring(byline.indexOf(' ') + 1);
        // "<ORGANISATION> <position> <honorific> <name>, ..."
        String lead = bio.substring(0, bio.indexOf(" " + honorific + " "));
        String organisation = lead.substring(0, lead.indexOf(' '));
        String position = lead.substring(lead.indexOf(' ') + 1);
        List<Degree> degrees = new ArrayList<>();
        Matcher m = DEGREE.matcher(bio);
        String lastInstitution = null;
        String lastField = null;
        while (m.find()) {
            String where = m.group(3);
            String institution;
            String field;
            if (where.startsWith("aynı üniversitede")) {
                institution = lastInstitution;
                field = lastField;
            } else {
                int university = where.indexOf("Üniversitesi") + "Üniversitesi".length();
                institution = where.substring(0, university).strip();
                field = where.substring(university).replaceAll("Bölümü.*$", "").strip();
            }
            lastInstitution = institution;
            lastField = field;
            degrees.add(new Degree(m.group(1).startsWith("Yüksek") ? "MA" : "PhD", institution, field,
                    Integer.parseInt(m.group(2)), m.group(4)));
        }
        String areas = bio.substring(bio.indexOf("alanları") + "alanları".length()).replaceFirst("^[;:\\s]+", "")
                .replaceAll("(dir|dır|dur|dür|tir|tır|tur|tür)\\.?$", "").replaceAll("\\.$", "");
        List<String> expertise = new ArrayList<>();
        for (String part : areas.split(",| ve ")) {
            if (!part.isBlank()) expertise.add(part.strip());
        }
        return new Author(honorific, name, organisation, position, bio, expertise, degrees);
    }
}
