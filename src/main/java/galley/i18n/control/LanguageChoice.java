package galley.i18n.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which language to serve: {@code lang} if given, else the best match of {@code Accept-Language} among the
 * site's languages, else the default; and, for localised fields missing in that language, the fallback
 * chain (the language, its configured fallbacks, the default). Pure logic over the configuration.
 */
public final class LanguageChoice {

    /** How a language was chosen: asked for explicitly (lang), negotiated (Accept-Language), or the default. */
    public enum Source { PARAMETER, ACCEPT_LANGUAGE, DEFAULT }

    public record Chosen(String language, Source source) {
        /** Whether the caller expressed a preference (lang or Accept-Language). */
        public boolean preferred() {
            return source != Source.DEFAULT;
        }
    }

    private final String defaultLanguage;
    private final List<String> siteLanguages;
    private final Map<String, List<String>> fallbacks;

    /**
     * @param defaultLanguage the site's default language
     * @param siteLanguages   the languages Accept-Language is matched against
     * @param fallbacks       "az=tr,en; kk=ru": per language, where to look next (the default comes last anyway)
     */
    public LanguageChoice(String defaultLanguage, List<String> siteLanguages, String fallbacks) {
        this.defaultLanguage = Languages.canonical(defaultLanguage)
                .orElseThrow(() -> new IllegalArgumentException("galley.default-language is not a language tag: " + defaultLanguage));
        Set<String> languages = new LinkedHashSet<>();
        languages.add(this.defaultLanguage);
        for (String l : siteLanguages) Languages.canonical(l).ifPresent(languages::add);
        this.siteLanguages = List.copyOf(languages);
        this.fallbacks = parseFallbacks(fallbacks);
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    /** {@code lang} (already canonical) wins, then Accept-Language, then the default. */
    public Chosen choose(String lang, String acceptLanguage) {
        if (lang != null) return new Chosen(lang, Source.PARAMETER);
        return negotiate(acceptLanguage).map(l -> new Chosen(l, Source.ACCEPT_LANGUAGE))
                .orElse(new Chosen(defaultLanguage, Source.DEFAULT));
    }

    /** The site language that best matches an Accept-Language header (RFC 4647 lookup), if any. */
    public Optional<String> negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return Optional.empty();
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            // A malformed header is no preference, not an error: browsers and proxies send odd ones.
            return Optional.empty();
        }
        List<String> matches = Locale.filterTags(ranges, siteLanguages, Locale.FilteringMode.AUTOSELECT_FILTERING);
        if (!matches.isEmpty()) return Optional.of(matches.get(0));
        // "tr-TR" alone should still find "tr".
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() == 0) continue;
            String primary = range.getRange().split("-", 2)[0];
            for (String l : siteLanguages) if (l.equalsIgnoreCase(primary)) return Optional.of(l);
        }
        return Optional.empty();
    }

    /** Where to look for a localised field: the language, its fallbacks, then the default; no repeats. */
    public List<String> chain(String language) {
        List<String> chain = preferences(language);
        if (!chain.contains(defaultLanguage)) chain.add(defaultLanguage);
        return chain;
    }

    /** The language and its configured fallbacks (and its primary language), without the site default. */
    public List<String> preferences(String language) {
        Set<String> chain = new LinkedHashSet<>();
        if (language != null) {
            chain.add(language);
            String primary = language.split("-", 2)[0];
            chain.addAll(fallbacks.getOrDefault(language, List.of()));
            if (!primary.equals(language)) {
                chain.add(primary);
                chain.addAll(fallbacks.getOrDefault(primary, List.of()));
            }
        }
        return new ArrayList<>(chain);
    }

    static Map<String, List<String>> parseFallbacks(String spec) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) return map;
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) continue;
            String[] kv = entry.split("=", 2);
            String from = Languages.canonical(kv[0].strip())
                    .orElseThrow(() -> new IllegalArgumentException("galley.language-fallbacks: not a language tag: " + kv[0]));
            List<String> to = new ArrayList<>();
            if (kv.length == 2) {
                for (String l : kv[1].split(",")) {
                    if (l.isBlank()) continue;
                    to.add(Languages.canonical(l.strip())
                            .orElseThrow(() -> new IllegalArgumentException("galley.language-fallbacks: not a language tag: " + l)));
                }
            }
            map.put(from, List.copyOf(to));
        }
        return map;
    }
}
