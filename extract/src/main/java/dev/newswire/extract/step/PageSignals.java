package dev.newswire.extract.step;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Element;

/**
 * What kind of page the markup says this is, counted in the metadata pass over the whole (unpruned) page: the
 * schema.org and OpenGraph types it declares, and how many elements of a few telling kinds it has (cards,
 * prices, posts, code, calls to action; the class-name cues are lists in {@link Heuristics#PAGE_CLASS_CUES}).
 * The page-kind step reads them.
 *
 * @param types     declared types, lower-case: every JSON-LD {@code @type}, microdata {@code itemtype} (last path
 *                  part) and {@code og:type}
 * @param elements  elements in the page
 * @param articles  {@code <article>} elements
 * @param times     {@code <time>} elements
 * @param code      {@code <pre>} and {@code <code>} elements
 * @param inputs    form controls ({@code input, select, textarea, button})
 * @param links     {@code <a href>} elements
 * @param cues      per cue list of {@link Heuristics#PAGE_CLASS_CUES}, in its order: elements whose class or id
 *                  has one of its tokens
 */
public record PageSignals(Set<String> types, int elements, int articles, int times, int code, int inputs, int links,
        int[] cues) {

    /** No signals: a page the metadata step did not see. */
    public static final PageSignals NONE = new PageSignals(Set.of(), 0, 0, 0, 0, 0, 0,
            new int[Heuristics.PAGE_CLASS_CUES.size()]);

    /** The cue count of the named cue list, 0 when there is no such list. */
    public int cue(String name) {
        int i = CUE_NAMES.indexOf(name);
        return i < 0 ? 0 : cues[i];
    }

    static final List<String> CUE_NAMES = List.copyOf(Heuristics.PAGE_CLASS_CUES.keySet());

    /** Bit masks of cue lists per class attribute; class attributes repeat heavily, like in the boilerplate classifier. */
    private static final Map<String, Integer> MASKS = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 200_000;

    /** Bits of {@link #classMask}: one per cue list, in {@link #CUE_NAMES} order ... */
    static final int CUE_BITS = (1 << Heuristics.PAGE_CLASS_CUES.size()) - 1;
    /** ... the class names a publication date ({@link MetadataFacts#namesADate}) ... */
    static final int NAMES_A_DATE = 1 << 30;
    /** ... the class names a byline ({@link MetadataFacts#namesAByline}). */
    static final int NAMES_A_BYLINE = 1 << 29;

    /** What a class attribute (or an id) names, as the bits above; cached per attribute value. */
    static int classMask(String names) {
        return maskOf(names);
    }

    private static int maskOf(String names) {
        Integer m = MASKS.get(names);
        if (m == null) {
            if (MASKS.size() > CACHE_LIMIT) {
                MASKS.clear();
            }
            m = computeMask(names);
            if (MetadataFacts.namesADate(names)) {
                m |= NAMES_A_DATE;
            }
            if (MetadataFacts.namesAByline(names)) {
                m |= NAMES_A_BYLINE;
            }
            MASKS.put(names, m);
        }
        return m;
    }

    /** Every cue token with the bits of the cue lists that hold it. */
    private static final Map<String, Integer> TOKEN_BITS = tokenBits();
    private static final int MAX_TOKEN = TOKEN_BITS.keySet().stream().mapToInt(String::length).max().orElse(0);

    private static Map<String, Integer> tokenBits() {
        Map<String, Integer> m = new java.util.HashMap<>();
        int bit = 0;
        for (Set<String> tokens : Heuristics.PAGE_CLASS_CUES.values()) {
            for (String t : tokens) {
                m.merge(t, 1 << bit, (x, y) -> x | y);
            }
            bit++;
        }
        return Map.copyOf(m);
    }

    private static int computeMask(String names) {
        int mask = 0;
        int start = -1;
        for (int i = 0; i <= names.length(); i++) {
            boolean letter = i < names.length() && Character.isLetter(names.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start <= MAX_TOKEN) {
                    Integer bits = TOKEN_BITS.get(names.substring(start, i).toLowerCase(Locale.ROOT));
                    if (bits != null) {
                        mask |= bits;
                    }
                }
                start = -1;
            }
        }
        return mask;
    }
}
