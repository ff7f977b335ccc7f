package dev.newswire.tagger.link;

import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.text.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first pass: cuts what is not part of a name off a mention's edges.
 * <ul>
 *   <li>a leading determiner of a place or nationality ("The South" is South), unless the gazetteer lists the
 *       whole ("The Hague");</li>
 *   <li>trailing lower-case words ("North of"), unless the whole is a place name written in lower case
 *       ("san francisco");</li>
 *   <li>for places, capitalised words after a complete country name that machine translation left behind
 *       ("North Korea State media");</li>
 *   <li>two well-known places written side by side without punctuation ("Paris Seoul", in lists and
 *       headlines) become two mentions, unless the whole is a place name itself;</li>
 *   <li>an organisation's acronym written after its name ("United Nations UN", "United Nations (UN)" once the
 *       brackets are gone) becomes a mention of its own, an alias of the same organisation.</li>
 * </ul>
 */
final class MentionTrimmer {

    private final Gazetteer gazetteer;
    private final ResolverData data;

    MentionTrimmer(Gazetteer gazetteer, ResolverData data) {
        this.gazetteer = gazetteer;
        this.data = data;
    }

    List<RawMention> trim(String text, List<Token> tokens, List<RawMention> mentions) {
        List<RawMention> out = new ArrayList<>(mentions.size());
        for (RawMention m : mentions) {
            m = withoutLeadingDeterminer(m, text, tokens);
            m = withoutTrailingWords(m, text, tokens);
            int cut = trailingAcronym(m);
            if (cut == 0) {
                cut = betweenTwoPlaces(m);
            }
            if (cut > 0) {
                out.add(slice(m, 0, cut, text, tokens));
                out.add(slice(m, cut, m.words().length, text, tokens));
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private RawMention withoutLeadingDeterminer(RawMention m, String text, List<Token> tokens) {
        boolean placeLike = m.type() == EntityType.LOCATION || m.type() == EntityType.MISC;
        if (!placeLike || m.words().length < 2 || !data.leadingDeterminers().contains(m.words()[0]) || isListedWhole(m.text())) {
            return m;
        }
        return slice(m, 1, m.words().length, text, tokens);
    }

    private boolean isListedWhole(String name) {
        return gazetteer.countryByName(name) != null || !gazetteer.places(name).isEmpty() || gazetteer.known(name) != null;
    }

    private RawMention withoutTrailingWords(RawMention m, String text, List<Token> tokens) {
        int end = m.words().length;
        boolean wholePlaceName = gazetteer.countryByName(m.text()) != null || !gazetteer.places(m.text()).isEmpty();
        while (end > 1 && !wholePlaceName && Character.isLowerCase(m.words()[end - 1].charAt(0))) {
            end--;
        }
        if (m.type() == EntityType.LOCATION && gazetteer.places(m.text()).isEmpty()) {
            for (int k = end - 1; k >= 1; k--) {
                if (gazetteer.countryByName(String.join(" ", Arrays.copyOf(m.words(), k))) != null) {
                    end = k;
                    break;
                }
            }
        }
        return end == m.words().length ? m : slice(m, 0, end, text, tokens);
    }

    /** Where an organisation mention's last word spells the initials of the words before it, its index; else 0. */
    private int trailingAcronym(RawMention m) {
        String[] w = m.words();
        if (m.type() != EntityType.ORGANIZATION || w.length < 3) {
            return 0;
        }
        String last = w[w.length - 1];
        if (last.length() < data.acronymMinLength() || last.length() > data.acronymMaxLength()
                || !last.chars().allMatch(Character::isUpperCase)) {
            return 0;
        }
        return Acronyms.initials(Arrays.copyOf(w, w.length - 1), data.acronymSkips()).equals(last) ? w.length - 1 : 0;
    }

    /** Where a place mention splits into two well-known places, the index of the second's first word; else 0. */
    private int betweenTwoPlaces(RawMention m) {
        String[] w = m.words();
        if (m.type() != EntityType.LOCATION || w.length < 2 || isListedWhole(m.text())) {
            return 0;
        }
        for (int k = 1; k < w.length; k++) {
            if (isWellKnownPlace(Arrays.copyOfRange(w, 0, k)) && isWellKnownPlace(Arrays.copyOfRange(w, k, w.length))) {
                return k;
            }
        }
        return 0;
    }

    private boolean isWellKnownPlace(String[] words) {
        String name = String.join(" ", words);
        if (gazetteer.countryByName(name) != null) {
            return true;
        }
        List<dev.newswire.tagger.gazetteer.Place> places = gazetteer.places(name);
        return !places.isEmpty() && places.get(0).population() >= data.wellKnownPlacePopulation();
    }

    /** Words {@code from..to} of a mention as a mention of their own. */
    static RawMention slice(RawMention m, int from, int to, String text, List<Token> tokens) {
        int firstToken = m.tokenStart() + from;
        int lastToken = m.tokenStart() + to;
        int start = tokens.get(firstToken).start();
        int end = tokens.get(lastToken - 1).end();
        return new RawMention(m.type(), firstToken, lastToken, start, end, text.substring(start, end),
                Arrays.copyOfRange(m.words(), from, to));
    }
}
