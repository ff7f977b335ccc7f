package dev.newswire.tagger.ner;

import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.KnownEntity;
import dev.newswire.tagger.gazetteer.Place;

import java.util.Set;

/**
 * A gazetteer-and-capitalisation tagger: the fallback when no trained model is on the classpath. Capitalised
 * runs are split into the longest names the gazetteer knows (places, demonyms, known people and
 * organisations); leftover runs with an organisation keyword are ORG, leftover runs of two to four words are
 * PER, and leftover single words are dropped (mid-sentence capitals from machine translation, "And", "About").
 */
public final class RuleTagger implements SequenceTagger {

    private static final int MAX_NAME_TOKENS = 6;
    private static final Set<String> ORG_KEYWORDS = Set.of("Council", "Ministry", "Embassy", "Party", "Agency",
            "Committee", "Union", "Nations", "Kremlin", "Bank", "University", "Corp", "Corp.", "Inc", "Inc.",
            "Company", "Group", "Association", "Organization", "Army", "Navy", "Police", "Court", "Parliament",
            "Congress", "Senate", "Department", "Office", "Commission", "Institute", "Press", "News");
    private static final long MIN_BARE_CITY_POPULATION = 100_000;
    /** Capitalised words that are no name on their own: months, days, sentence-starting function words. */
    private static final Set<String> NOT_NAMES = Set.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday", "In", "And", "About", "The", "A", "An", "But", "Those",
            "This", "That", "These", "It", "He", "She", "We", "They", "I", "On", "At", "For", "With", "As", "By",
            "If", "When", "While", "After", "Before", "Earlier", "Meanwhile", "Both", "Along", "Some");
    private static final Set<String> JOINERS = Set.of("of", "for", "the", "de", "and");

    private final Gazetteer gazetteer;

    /** A tagger over this gazetteer. */
    public RuleTagger(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public int[] label(NerDocument doc) {
        String[] w = doc.words();
        int[] labels = new int[w.length];
        for (int s = 0; s < doc.sentenceStarts().length; s++) {
            int from = doc.sentenceStarts()[s];
            int to = doc.sentenceEnd(s);
            int i = from;
            while (i < to) {
                if (!capitalised(w[i])) {
                    i++;
                    continue;
                }
                int end = i + 1;
                while (end < to && (capitalised(w[end])
                        || JOINERS.contains(w[end]) && end + 1 < to && capitalised(w[end + 1]) && hasOrgKeyword(w, end + 1, to))) {
                    end++;
                }
                labelRun(w, i, end, i == from, labels);
                i = end;
            }
        }
        return labels;
    }

    private static boolean hasOrgKeyword(String[] w, int from, int to) {
        for (int k = from; k < to && capitalised(w[k]); k++) {
            if (ORG_KEYWORDS.contains(w[k])) {
                return true;
            }
        }
        return false;
    }

    /** Splits a capitalised run into gazetteer names (longest first) and labels what is left. */
    private void labelRun(String[] w, int from, int to, boolean sentenceInitial, int[] labels) {
        int rest = from;
        int i = from;
        while (i < to) {
            int matched = -1;
            int type = -1;
            for (int end = Math.min(to, i + MAX_NAME_TOKENS); end > i; end--) {
                type = gazetteerType(join(w, i, end));
                if (type >= 0) {
                    matched = end;
                    break;
                }
            }
            if (matched < 0) {
                i++;
                continue;
            }
            labelLeftover(w, rest, i, sentenceInitial && rest == from, labels);
            mark(labels, i, matched, type);
            i = matched;
            rest = matched;
        }
        labelLeftover(w, rest, to, sentenceInitial && rest == from, labels);
    }

    private void labelLeftover(String[] w, int from, int to, boolean sentenceInitial, int[] labels) {
        if (sentenceInitial && to - from > 1) {
            from++; // "After North Korea", "Streets in": the first word is capitalised by position only
        }
        while (from < to && NOT_NAMES.contains(w[from])) {
            from++;
        }
        while (to > from && NOT_NAMES.contains(w[to - 1])) {
            to--;
        }
        int len = to - from;
        if (len <= 0) {
            return;
        }
        if (hasOrgKeyword(w, from, to)) {
            mark(labels, from, to, 2);
        } else if (len >= 2 && len <= 4) {
            mark(labels, from, to, 0);
        }
    }

    private int gazetteerType(String name) {
        KnownEntity known = gazetteer.known(name);
        if (known != null) {
            return Label.typeOf(known.type());
        }
        if (gazetteer.countryByDemonym(name) != null) {
            return 3;
        }
        if (gazetteer.countryByName(name) != null) {
            return 1;
        }
        for (Place p : gazetteer.places(name)) {
            // small towns share their names with ordinary words ("Along", "March"); only big places count here
            if (!p.isCity() || p.population() >= MIN_BARE_CITY_POPULATION) {
                return 1;
            }
        }
        return -1;
    }

    private static void mark(int[] labels, int from, int to, int type) {
        labels[from] = Label.begin(type);
        for (int k = from + 1; k < to; k++) {
            labels[k] = Label.inside(type);
        }
    }

    private static boolean capitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }

    private static String join(String[] w, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from) {
                b.append(' ');
            }
            b.append(w[k]);
        }
        return b.toString();
    }
}
