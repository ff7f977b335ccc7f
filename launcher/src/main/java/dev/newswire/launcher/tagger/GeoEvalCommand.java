package dev.newswire.launcher.tagger;

import dev.newswire.tagger.Entity;
import dev.newswire.tagger.Tagger;
import dev.newswire.tagger.eval.GeoEvaluation;
import dev.newswire.tagger.eval.GeoGold;
import dev.newswire.tagger.link.PlaceWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code geo-eval}: the geoparsing measure of {@code shared/datasets/geo/README.md} over TR-News and GeoWebNews:
 * found, correct of found (accuracy@161 km), end to end, and the share of found places with an id.
 */
@Command(name = "geo-eval", mixinStandardHelpOptions = true,
        description = "Score place finding and linking on the geoparsing gold sets (found / correct of found / end to end).")
public final class GeoEvalCommand implements Callable<Integer> {

    @Option(names = "--sets", split = ",", defaultValue = "tr-news,geowebnews",
            description = "gold sets of shared/datasets/geo, or paths to such XML files (default: ${DEFAULT-VALUE})")
    List<String> sets;

    @Option(names = "--weights", description = "place resolver weights written by geo-train (default: the shipped ones)")
    Path weights;

    @Option(names = "--no-host", description = "do not pass the article URL's host to the tagger")
    boolean noHost;

    @Option(names = "--with-nationalities", description = "count nationality words linked to their country "
            + "(\"Syrian\") as place mentions too, as the gold sets mark them")
    boolean withNationalities;

    @Option(names = "--errors", defaultValue = "0", description = "print this many wrong and missed toponyms per set")
    int errors;

    @Override
    public Integer call() throws IOException {
        Tagger tagger = Tagger.load();
        if (weights != null) {
            tagger = tagger.withPlaceWeights(PlaceWeights.read(weights));
        }
        System.out.printf(Locale.ROOT, "%-12s %6s %7s %10s %10s %8s%n", "set", "gold", "found", "correct/f", "end2end", "with id");
        for (String set : sets) {
            GeoEvaluation eval = new GeoEvaluation(tagger.gazetteer(), withNationalities);
            int wrongShown = 0;
            int missedShown = 0;
            for (GeoGold.Article a : GeoGold.read(SharedDir.geo(set))) {
                List<Entity> entities = tagger.tag(a.pageText(), noHost ? null : a.host());
                for (GeoEvaluation.Match m : eval.add(a, entities)) {
                    if (m.entity() == null && missedShown < errors) {
                        missedShown++;
                        System.out.printf(Locale.ROOT, "  missed %s: %s%n", a.id(), m.gold().phrase());
                    } else if (m.entity() != null && !m.correct() && wrongShown < errors) {
                        wrongShown++;
                        Map<String, Object> at = m.entity().attributes();
                        System.out.printf(Locale.ROOT, "  wrong  %s: %s -> %s %s %s %s,%s%s (gold %d %.2f,%.2f)%n", a.id(), m.gold().phrase(),
                                m.entity().id(), at.get("featureType"), at.get("countryCode"), at.get("lat"), at.get("lon"),
                                at.containsKey("approximate") ? " approximate, near " + at.get("near") : "",
                                m.gold().geonamesId(), m.gold().lat(), m.gold().lon());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%-12s %6d %7.3f %10.3f %10.3f %8.3f%n", set, eval.gold(), eval.found(),
                    eval.correctOfFound(), eval.endToEnd(), eval.withId());
        }
        return 0;
    }
}
