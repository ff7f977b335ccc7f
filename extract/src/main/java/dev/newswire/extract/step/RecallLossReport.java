package dev.newswire.extract.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.extract.PageFiles;
import dev.newswire.extract.eval.ShingleScorer;
import java.nio.file.*;
import java.util.*;
import java.util.regex.*;
import org.jsoup.nodes.*;
import org.jsoup.select.NodeTraversor;

/**
 * Where recall is lost: every expected 4-token shingle that the output lacks is traced to the stage of the chain where
 * its text left: not in the page's text at all (expected text the HTML does not hold, or words split by markup),
 * pruned (and by which sign), outside the content root (before or after it), skipped inside the root, or dropped by
 * the boilerplate filter (and by which rule). Prints the recall lost per category (averaged over pages, as the
 * evaluation does) and how many pages lose some; with a number N, also the N pages that lose most per category.
 *
 * <pre>
 * java -cp "$CP" dev.newswire.extract.step.RecallLossReport ../shared/datasets/extraction-dev [N]
 * </pre>
 */
public final class RecallLossReport {
    static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private RecallLossReport() {
    }

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        JsonNode gt = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        boolean articlesOnly = true;
        Map<String, Double> loss = new TreeMap<>();
        Map<String, Integer> pagesWith = new TreeMap<>();
        Map<String, List<String>> examples = new TreeMap<>();
        int pages = 0;
        DateParser dates = new DateParser(java.time.Clock.systemUTC());
        for (Iterator<String> it = gt.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            JsonNode t = gt.get(id);
            if (t.has("pageType") && !t.get("pageType").asText().equals("article")) continue;
            String expected = t.path("articleBody").asText("");
            Map<String, Integer> exp = ShingleScorer.shingles(expected);
            int expN = exp.values().stream().mapToInt(Integer::intValue).sum();
            if (expN == 0) continue;
            pages++;
            byte[] bytes = PageFiles.read(dir.resolve("html/" + id + ".html.gz"));
            PageContext page = PageContext.ofBytes(null, bytes, null);
            new DecodeStep().apply(page);
            new ParseStep().apply(page);
            new MetadataStep(dates).apply(page);
            // text nodes before pruning
            List<TextNode> nodes = new ArrayList<>();
            NodeTraversor.traverse((n, d) -> { if (n instanceof TextNode tn) nodes.add(tn); }, page.doc().body());
            Element bodyEl = page.doc().body();
            new PruneStep().apply(page);
            new MainContentStep().apply(page);
            new BlockExtractStep().apply(page);
            new BoilerplateFilterStep().apply(page);
            String output = page.text();
            Map<String, Integer> out = ShingleScorer.shingles(output);
            // fate per node
            Set<Element> roots = Collections.newSetFromMap(new IdentityHashMap<>());
            roots.addAll(page.contentRoots());
            String[] fate = new String[nodes.size()];
            TextStats stats = page.stats();
            Set<String> keptTexts = new HashSet<>();
            for (Block b : page.blocks()) keptTexts.add(b.text());
            for (int i = 0; i < nodes.size(); i++) {
                TextNode tn = nodes.get(i);
                Node top = tn;
                while (top.parentNode() != null) top = top.parentNode();
                if (!(top instanceof Document)) {
                    Element removed = (Element) top;
                    fate[i] = "pruned:" + pruneReason(removed);
                    continue;
                }
                Element root = null;
                for (Element e = tn.parent(); e != null; e = e.parent()) if (roots.contains(e)) { root = e; break; }
                if (root == null) { fate[i] = "outside-root:" + where(tn, page.contentRoots()); continue; }
                int rootChars = stats.get(root) != null ? stats.get(root).text : 0;
                String skipped = null;
                for (Element e = tn.parent(); e != null && e != root; e = e.parent()) {
                    if (BlockExtractStep.skip(e, stats, rootChars)) skipped = e.normalName() + "." + e.className() + "#" + e.id();
                }
                if (skipped != null) { fate[i] = "skipped-in-root:" + skipped; continue; }
                fate[i] = "extracted";
            }
            // tokens of the page with node index
            List<String> toks = new ArrayList<>();
            List<Integer> tokNode = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                Matcher m = WORD.matcher(nodes.get(i).getWholeText());
                while (m.find()) { toks.add(m.group()); tokNode.add(i); }
            }
            Map<String, List<Integer>> where = new HashMap<>();
            for (int i = 0; i + 4 <= toks.size(); i++) {
                where.computeIfAbsent(String.join(" ", toks.subList(i, i + 4)), k -> new ArrayList<>()).add(tokNode.get(i));
            }
            Map<String, Double> pageLoss = new HashMap<>();
            for (Map.Entry<String, Integer> e : exp.entrySet()) {
                int lost = e.getValue() - Math.min(e.getValue(), out.getOrDefault(e.getKey(), 0));
                if (lost == 0) continue;
                List<Integer> pos = where.get(e.getKey());
                String cat;
                if (pos == null) {
                    cat = "not-in-page-text";
                } else {
                    // the most advanced fate among the occurrences
                    cat = null;
                    for (int p : pos) {
                        String f = fate[p];
                        if (cat == null || rank(f) > rank(cat)) {
                            cat = f;
                        }
                    }
                    if (cat.equals("extracted")) {
                        cat = "filtered:" + filterReason(nodes.get(pos.get(pos.size() - 1)), page);
                    }
                }
                pageLoss.merge(cat, (double) lost / expN, Double::sum);
            }
            for (Map.Entry<String, Double> e : pageLoss.entrySet()) {
                String major = e.getKey().contains(":") ? e.getKey().substring(0, e.getKey().indexOf(':')) : e.getKey();
                String minor = e.getKey();
                loss.merge(major, e.getValue(), Double::sum);
                loss.merge("  " + minor.replaceAll("#.*", "").replaceAll("\\.([^ ]{40})[^ ]*", ".$1"), e.getValue(), Double::sum);
                if (e.getValue() > 0.01) {
                    examples.computeIfAbsent(major, k -> new ArrayList<>()).add(String.format("%s %.3f %s", id, e.getValue(), minor));
                }
            }
            Set<String> majors = new HashSet<>();
            for (String k : pageLoss.keySet()) majors.add(k.contains(":") ? k.substring(0, k.indexOf(':')) : k);
            for (String m : majors) pagesWith.merge(m, 1, Integer::sum);
        }
        System.out.printf("pages %d%n", pages);
        List<Map.Entry<String, Double>> rows = new ArrayList<>(loss.entrySet());
        for (Map.Entry<String, Double> e : rows) {
            if (!e.getKey().startsWith("  ")) System.out.printf("%-40s %.4f recall  (%d pages)%n", e.getKey(), e.getValue() / pages, pagesWith.getOrDefault(e.getKey(), 0));
        }
        System.out.println("-- detail (>= 0.0005)");
        rows.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
        for (Map.Entry<String, Double> e : rows) {
            if (e.getKey().startsWith("  ") && e.getValue() / pages >= 0.0005) System.out.printf("%-90s %.4f%n", e.getKey(), e.getValue() / pages);
        }
        if (a.length > 1) {
            for (Map.Entry<String, List<String>> e : examples.entrySet()) {
                System.out.println("== " + e.getKey());
                e.getValue().sort(Comparator.comparingDouble((String s) -> -Double.parseDouble(s.split(" ")[1])));
                e.getValue().stream().limit(Integer.parseInt(a[1])).forEach(s -> System.out.println("  " + s));
            }
        }
    }

    static int rank(String f) {
        if (f.startsWith("pruned")) return 1;
        if (f.startsWith("outside")) return 2;
        if (f.startsWith("skipped")) return 3;
        return 4;
    }

    static String pruneReason(Element e) {
        String tag = e.normalName();
        if (Heuristics.NON_CONTENT_TAGS.contains(tag)) return "tag-" + tag;
        if (BoilerplateClassifier.isHidden(e)) return "hidden";
        BoilerplateClassifier.Verdict v = BoilerplateClassifier.classify(e);
        if (v != BoilerplateClassifier.Verdict.NONE) return "class-" + v + " " + tag + "." + e.className() + "#" + e.id() + (e.hasAttr("role") ? " role=" + e.attr("role") : "");
        if (Heuristics.FURNITURE_TAGS.contains(tag)) return "furniture-" + tag;
        return "depth/other " + tag;
    }

    static String where(TextNode tn, List<Element> roots) {
        // the nearest ancestor tag name with class, and whether before or after the first root
        Element p = tn.parent();
        String path = p == null ? "?" : p.normalName();
        Element root = roots.isEmpty() ? null : roots.get(0);
        String side = "?";
        if (root != null) {
            int c = compare(tn, root);
            side = c < 0 ? "before" : c > 0 ? "after" : "?";
        }
        return side + " " + path;
    }

    static int compare(Node a, Node root) {
        // document order comparison via sibling indices
        List<Integer> pa = path(a), pb = path(root);
        for (int i = 0; i < Math.min(pa.size(), pb.size()); i++) if (!pa.get(i).equals(pb.get(i))) return Integer.compare(pa.get(i), pb.get(i));
        return 0;
    }

    static List<Integer> path(Node n) {
        LinkedList<Integer> out = new LinkedList<>();
        for (Node x = n; x.parentNode() != null; x = x.parentNode()) out.addFirst(x.siblingIndex());
        return out;
    }

    static String filterReason(TextNode tn, PageContext page) {
        String t = TextUtil.clean(tn.getWholeText());
        if (t.isEmpty()) return "?";
        for (Block b : page.droppedBlocks()) {
            if (b.text().contains(t)) {
                if (BoilerplateFilterStep.isBoilerplateLine(b.text())) {
                    return "line-pattern";
                }
                if (b.text().length() >= Heuristics.MIN_DEDUPLICATED_CHARS
                        && page.extractedBlocks().stream().filter(x -> x.text().equals(b.text())).count() > 1) {
                    return "repeat";
                }
                String k = BoilerplateFilterStep.key(b.text());
                Metadata m = page.metadata();
                if (m.title() != null && k.equals(BoilerplateFilterStep.key(m.title()))
                        || m.authors().stream().anyMatch(x -> k.equals(BoilerplateFilterStep.key(x)))
                        || m.siteName() != null && k.equals(BoilerplateFilterStep.key(m.siteName()))) {
                    return "title-or-name";
                }
                return "block-classifier";
            }
        }
        for (Block b : page.extractedBlocks()) {
            if (b.text().contains(t) && !page.blocks().contains(b)) return "tail-cut";
        }
        return "in-output-but-split";
    }
}
