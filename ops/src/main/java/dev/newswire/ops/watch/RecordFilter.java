package dev.newswire.ops.watch;

import dev.newswire.model.Article;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which records {@code watch} shows. Every criterion given must match (and); a criterion a record cannot have
 * (an entity on a raw page) does not match.
 *
 * @param entity     canonical entity name or any mention's text, case-insensitive
 * @param entityType PERSON, LOCATION, ORGANIZATION or MISC (person/people, place/location, org accepted)
 * @param language   ISO 639-1 code of the article
 * @param host       host of the article or page; a domain matches its subdomains
 * @param grep       pattern searched in the title, text, URL, key and error message
 * @param key        exact record key
 */
public record RecordFilter(String entity, String entityType, String language, String host, Pattern grep, String key) {

    public static final RecordFilter ALL = new RecordFilter(null, null, null, null, null, null);

    public RecordFilter {
        entityType = entityType == null ? null : normaliseType(entityType);
    }

    /** Whether {@code r} passes every given criterion. */
    public boolean test(RecordView r) {
        if (key != null && !key.equals(r.key())) {
            return false;
        }
        if (host != null) {
            String h = r.host();
            String want = host.toLowerCase(Locale.ROOT);
            if (h == null || !(h.equals(want) || h.endsWith("." + want))) {
                return false;
            }
        }
        Article a = r.article();
        if (language != null && (a == null || a.language() == null || !a.language().equalsIgnoreCase(language))) {
            return false;
        }
        if (entity != null || entityType != null) {
            if (a == null || a.entities().stream().noneMatch(this::entityMatches)) {
                return false;
            }
        }
        return grep == null || grep.matcher(searchable(r)).find();
    }

    private boolean entityMatches(Article.Entity e) {
        if (entityType != null && !entityType.equalsIgnoreCase(e.type())) {
            return false;
        }
        if (entity == null) {
            return true;
        }
        return entity.equalsIgnoreCase(e.name())
                || e.mentions().stream().anyMatch(m -> entity.equalsIgnoreCase(m.text()));
    }

    private static String searchable(RecordView r) {
        StringBuilder sb = new StringBuilder();
        if (r.key() != null) {
            sb.append(r.key()).append('\n');
        }
        if (r.article() != null) {
            Article a = r.article();
            sb.append(a.title()).append('\n').append(a.url()).append('\n').append(a.text());
        }
        if (r.raw() != null) {
            sb.append(r.raw().url()).append('\n');
        }
        if (r.deadLetter() != null) {
            sb.append(r.deadLetter().reason()).append('\n').append(r.deadLetter().message());
        }
        if (r.valueText() != null) {
            sb.append(r.valueText());
        }
        return sb.toString();
    }

    static String normaliseType(String type) {
        String t = type.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "PERSON", "PEOPLE", "PER" -> "PERSON";
            case "LOCATION", "PLACE", "PLACES", "LOC" -> "LOCATION";
            case "ORGANIZATION", "ORGANISATION", "ORG", "ORGS" -> "ORGANIZATION";
            case "MISC" -> "MISC";
            default -> throw new IllegalArgumentException("unknown entity type '" + type
                    + "' (person, location, organization or misc)");
        };
    }
}
