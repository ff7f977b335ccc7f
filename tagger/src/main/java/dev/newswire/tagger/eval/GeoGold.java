package dev.newswire.tagger.eval;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The geoparsing gold sets of {@code shared/datasets/geo} (TR-News and GeoWebNews): articles with every place
 * name resolved to GeoNames. Only toponyms with a resolution (coordinates) are kept; in GeoWebNews only the
 * locational ones.
 */
public final class GeoGold {

    /**
     * One gold place name.
     *
     * @param phrase       as written in the text
     * @param start        character offset in the article text
     * @param geonamesId   the gold GeoNames id, or 0 when it has none (a street, a building)
     * @param lat          gold latitude
     * @param lon          gold longitude
     * @param country      the name of the gold place's country when the toponym is itself a country (TR-News), else null
     */
    public record Toponym(String phrase, int start, long geonamesId, double lat, double lon, String country) {
    }

    /** One article: its text, its URL and its gold toponyms in text order. */
    public record Article(String id, String url, String text, List<Toponym> toponyms) {
        /** The host of the article's URL, or null. */
        public String host() {
            try {
                return url == null ? null : URI.create(url.strip()).getHost();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** The text as the pipeline stores it: its non-blank lines as paragraphs, joined by blank lines. */
        public String pageText() {
            List<String> paragraphs = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    paragraphs.add(line.strip());
                }
            }
            return String.join("\n\n", paragraphs);
        }
    }

    private GeoGold() {
    }

    /** Reads {@code tr-news.xml} or {@code geowebnews.xml} (told apart by their elements). */
    public static List<Article> read(Path file) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            doc = b.parse(file.toFile());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot parse " + file + ": " + e.getMessage(), e);
        }
        List<Article> out = new ArrayList<>();
        NodeList articles = doc.getElementsByTagName("article");
        for (int i = 0; i < articles.getLength(); i++) {
            Element a = (Element) articles.item(i);
            boolean gwn = a.hasAttribute("file");
            String id = gwn ? a.getAttribute("file") : a.getAttribute("docid");
            String url = text(a, gwn ? "link" : "url");
            String body = text(a, "text");
            List<Toponym> toponyms = new ArrayList<>();
            NodeList ts = a.getElementsByTagName("toponym");
            for (int k = 0; k < ts.getLength(); k++) {
                Element t = (Element) ts.item(k);
                Toponym top = gwn ? gwnToponym(t) : trToponym(t);
                if (top != null) {
                    toponyms.add(top);
                }
            }
            toponyms.sort(Comparator.comparingInt(Toponym::start));
            out.add(new Article(id, url, body == null ? "" : body, toponyms));
        }
        return out;
    }

    private static Toponym trToponym(Element t) {
        Element gaz = child(t, "gaztag");
        if (gaz == null || text(gaz, "lat") == null || text(gaz, "lat").isBlank()) {
            return null;
        }
        long id = parseLong(gaz.getAttribute("geonameid"));
        Element country = child(gaz, "country");
        boolean isCountry = country != null && !country.getAttribute("geonameid").isEmpty()
                && parseLong(country.getAttribute("geonameid")) == id;
        return new Toponym(text(t, "phrase").strip(), Integer.parseInt(text(t, "start").strip()), id,
                Double.parseDouble(text(gaz, "lat").strip()), Double.parseDouble(text(gaz, "lon").strip()),
                isCountry ? country.getTextContent().strip() : null);
    }

    private static Toponym gwnToponym(Element t) {
        if ("Yes".equals(strip(text(t, "nonLocational")))) {
            return null;
        }
        String lat = strip(text(t, "latitude"));
        String lon = strip(text(t, "longitude"));
        if (lat == null || lat.isEmpty() || lon == null || lon.isEmpty()) {
            return null;
        }
        return new Toponym(strip(text(t, "extractedName")), Integer.parseInt(strip(text(t, "start"))),
                parseLong(strip(text(t, "geonamesID"))), Double.parseDouble(lat), Double.parseDouble(lon), null);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static long parseLong(String s) {
        return s == null || s.isBlank() ? 0 : Long.parseLong(s.strip());
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String text(Element e, String name) {
        Element c = child(e, name);
        return c == null ? null : c.getTextContent();
    }
}
