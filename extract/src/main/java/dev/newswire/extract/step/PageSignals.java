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
    private static final int CACHE_LIMIT = 100_000;

    /** The cue lists (as bits, in {@link #CUE_NAMES} order) that one element's class and id name. */
    static int cueMask(Element e) {
        if (e.attributesSize() == 0) {
            return 0;
        }
        int mask = 0;
        String cls = e.attr("class");
        if (!cls.isEmpty()) {
            mask |= maskOf(cls);
        }
        String id = e.attr("id");
        if (!id.isEmpty()) {
            mask |= maskOf(id);
        }
        return mask;
    }

    private static int maskOf(String names) {
        Integer m = MASKS.get(names);
        if (m == null) {
            if (MASKS.size() > CACHE_LIMIT) {
                MASKS.clear();
            }
            m = computeMask(names);
            MASKS.put(names, m);
        }
        return m;
    }

    private static int computeMask(String names) {
        int mask = 0;
        String lower = names.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean letter = i < lower.length() && Character.isLetter(lower.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                String token = lower.substring(start, i);
                int bit = 0;
                for (List<String> tokens : Heuristics.PAGE_CLASS_CUES.values()) {
                    if (tokens.contains(token)) {
                        mask |= 1 << bit;
                    }
                    bit++;
                }
                start = -1;
            }
        }
        return mask;
    }
}
