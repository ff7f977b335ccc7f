package dev.newswire.extract.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A small language identifier, no network and no model files: first the writing system (Hangul, kana, Han,
 * Thai, Arabic, Hebrew, Greek, Devanagari... are decisive or nearly), then, for Latin and Cyrillic text,
 * function-word profiles kept as data in {@code language-profiles.txt}: the language whose frequent words cover
 * most of the text's words wins. Thread-safe.
 */
public final class LanguageIdentifier {

    private static final String PROFILES = "/dev/newswire/extract/language-profiles.txt";
    /** Letters looked at: the start of a text says enough and keeps the cost flat. */
    static final int MAX_CHARS = 6000;
    /** Fewer function-word hits than this and we do not guess. */
    static final int MIN_HITS = 3;

    private final Map<String, Set<String>> profiles;
    /** For each word, the languages that list it. */
    private final Map<String, String[]> index;

    private LanguageIdentifier(Map<String, Set<String>> profiles) {
        this.profiles = profiles;
        Map<String, java.util.List<String>> idx = new HashMap<>();
        profiles.forEach((lang, words) -> words.forEach(w -> idx.computeIfAbsent(w, k -> new java.util.ArrayList<>()).add(lang)));
        this.index = new HashMap<>();
        idx.forEach((w, langs) -> index.put(w, langs.toArray(String[]::new)));
    }

    /** The identifier with the bundled profiles. */
    public static LanguageIdentifier standard() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final LanguageIdentifier INSTANCE = new LanguageIdentifier(load());
    }

    /** The languages this identifier knows by word profile. */
    public Set<String> profileLanguages() {
        return profiles.keySet();
    }

    /** ISO 639-1 code of the text's language, or null when the text is too short or unclear. */
    public String identify(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int n = Math.min(text.length(), MAX_CHARS);
        // writing systems
        int latin = 0, cyrillic = 0, han = 0, kana = 0, hangul = 0, arabic = 0, hebrew = 0, greek = 0, thai = 0,
                devanagari = 0, bengali = 0, georgian = 0, armenian = 0, letters = 0, persianMarks = 0, urduMarks = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            if (c < 0x250) {
                latin++;
                continue;
            }
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            switch (s) {
                case CYRILLIC -> cyrillic++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case ARABIC -> {
                    arabic++;
                    if (c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ' || c == 'ی') {
                        persianMarks++;
                    }
                    if (c == 'ٹ' || c == 'ڈ' || c == 'ڑ' || c == 'ے' || c == 'ں') {
                        urduMarks++;
                    }
                }
                case HEBREW -> hebrew++;
                case GREEK -> greek++;
                case THAI -> thai++;
                case DEVANAGARI -> devanagari++;
                case BENGALI -> bengali++;
                case GEORGIAN -> georgian++;
                case ARMENIAN -> armenian++;
                case LATIN -> latin++;
                default -> {
                }
            }
        }
        if (letters < 20) {
            return null;
        }
        if (kana > letters * 0.05) {
            return "ja";
        }
        if (hangul > letters * 0.3) {
            return "ko";
        }
        if (han > letters * 0.3) {
            return "zh";
        }
        if (arabic > letters * 0.5) {
            return urduMarks > 2 ? "ur" : persianMarks > arabic * 0.02 ? "fa" : "ar";
        }
        if (hebrew > letters * 0.5) {
            return "he";
        }
        if (greek > letters * 0.5) {
            return "el";
        }
        if (thai > letters * 0.5) {
            return "th";
        }
        if (devanagari > letters * 0.5) {
            return "hi";
        }
        if (bengali > letters * 0.5) {
            return "bn";
        }
        if (georgian > letters * 0.5) {
            return "ka";
        }
        if (armenian > letters * 0.5) {
            return "hy";
        }
        return byWords(text, n);
    }

    private String byWords(String text, int n) {
        Map<String, Integer> hits = new HashMap<>();
        StringBuilder word = new StringBuilder();
        int words = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                words++;
                String[] langs = index.get(word.toString());
                if (langs != null) {
                    for (String l : langs) {
                        hits.merge(l, 1, Integer::sum);
                    }
                }
                word.setLength(0);
            }
        }
        String best = null;
        int bestHits = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            // ties go to the language whose list is shorter: a hit there says more
            if (e.getValue() > bestHits || e.getValue() == bestHits && best != null
                    && profiles.get(e.getKey()).size() < profiles.get(best).size()) {
                best = e.getKey();
                bestHits = e.getValue();
            }
        }
        return bestHits >= MIN_HITS && bestHits * 20 >= words ? best : null;
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(PROFILES)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + PROFILES);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                Set<String> words = new HashSet<>();
                for (int i = 1; i < parts.length; i++) {
                    words.add(parts[i]);
                }
                out.put(parts[0], words);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
