package dev.newswire.launcher.tagger;

import dev.newswire.tagger.Entity;
import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.Mention;
import dev.newswire.tagger.Tagger;
import dev.newswire.tagger.eval.GeoEvaluation;
import dev.newswire.tagger.eval.GeoGold;
import dev.newswire.tagger.link.PlaceFeatures;
import dev.newswire.tagger.link.PlaceLinker;
import dev.newswire.tagger.link.PlaceWeights;
import dev.newswire.tagger.text.Token;
import dev.newswire.tagger.text.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code geo-train}: learns the place resolver's weights ({@code link/place-weights.properties}) on one
 * geoparsing gold set and reports the measure on another. For every gold toponym the tagger finds, the
 * candidates of its name and their features ({@link PlaceFeatures}) make one example; the weights maximise
 * the likelihood of the correct candidates (any reading with the gold id, the gold country, or within 161 km)
 * under a softmax over the candidates, with an L2 penalty (multinomial logistic regression, full-batch Adam).
 * The context features come from the first readings under the previous weights, so training runs in rounds.
 */
@Command(name = "geo-train", mixinStandardHelpOptions = true,
        description = "Learn the place resolver's weights on a geoparsing gold set; report on another.")
public final class GeoTrainCommand implements Callable<Integer> {

    @Option(names = "--train", split = ",", defaultValue = "tr-news", description = "gold sets to learn from (default: ${DEFAULT-VALUE})")
    List<String> train;

    @Option(names = "--report", split = ",", defaultValue = "geowebnews", description = "gold sets to report on (default: ${DEFAULT-VALUE})")
    List<String> report;

    @Option(names = "--rounds", defaultValue = "3", description = "training rounds (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--l2", defaultValue = "0.001", description = "L2 penalty per example (default: ${DEFAULT-VALUE})")
    double l2;

    @Option(names = "--iterations", defaultValue = "800", description = "Adam steps per round (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--output", defaultValue = "tagger/src/main/resources/dev/newswire/tagger/link/place-weights.properties",
            description = "where to write the weights (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() throws IOException {
        Tagger base = Tagger.load();
        List<GeoGold.Article> articles = new ArrayList<>();
        for (String set : train) {
            articles.addAll(GeoGold.read(SharedDir.geo(set)));
        }
        PlaceWeights weights = PlaceWeights.initial(); // a fixed start, so the command rebuilds the shipped file exactly
        for (int round = 1; round <= rounds; round++) {
            List<double[][]> xs = new ArrayList<>();
            List<boolean[]> ys = new ArrayList<>();
            examples(base.withPlaceWeights(weights), articles, xs, ys);
            weights = new PlaceWeights(fit(xs, ys, weights.toArray()));
            System.out.printf(Locale.ROOT, "round %d: %d examples%n", round, xs.size());
        }
        for (int i = 0; i < PlaceFeatures.COUNT; i++) {
            System.out.printf(Locale.ROOT, "  %-28s %8.3f%n", PlaceFeatures.NAMES.get(i), weights.get(i));
        }
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        weights.write(output, "Weights of the place resolver's features (dev.newswire.tagger.link.PlaceFeatures), learned by\n"
                + "./newswire geo-train --train " + String.join(",", train) + " --rounds " + rounds + " --l2 " + l2
                + " --iterations " + iterations + "\n(multinomial logistic regression over each name's candidates; see tagger/README.md).");
        System.out.printf("wrote %s%n", output);
        Tagger trained = base.withPlaceWeights(weights);
        System.out.printf(Locale.ROOT, "%-12s %6s %7s %10s %10s %8s%n", "set", "gold", "found", "correct/f", "end2end", "with id");
        for (String set : report) {
            GeoEvaluation eval = new GeoEvaluation(trained.gazetteer());
            for (GeoGold.Article a : GeoGold.read(SharedDir.geo(set))) {
                eval.add(a, trained.tag(a.pageText(), a.host()));
            }
            System.out.printf(Locale.ROOT, "%-12s %6d %7.3f %10.3f %10.3f %8.3f%n", set, eval.gold(), eval.found(),
                    eval.correctOfFound(), eval.endToEnd(), eval.withId());
        }
        return 0;
    }

    /** One example per found gold toponym whose candidates hold a correct and a wrong reading. */
    static void examples(Tagger tagger, List<GeoGold.Article> articles, List<double[][]> xs, List<boolean[]> ys) {
        PlaceLinker linker = tagger.placeLinker();
        for (GeoGold.Article a : articles) {
            String text = a.pageText();
            List<Entity> entities = tagger.tag(text, a.host());
            List<Token> tokens = Tokenizer.tokenize(text);
            Map<Integer, Integer> tokenAt = new HashMap<>();
            for (int i = 0; i < tokens.size(); i++) {
                tokenAt.put(tokens.get(i).start(), i);
                tokenAt.put(-tokens.get(i).end() - 1, i);
            }
            Set<String> countries = new HashSet<>();
            List<Mention> mentions = new ArrayList<>();
            for (Entity e : entities) {
                if (e.type() == EntityType.LOCATION) {
                    if (e.id() != null && e.id().startsWith("iso3166:")) {
                        countries.add(e.id().substring("iso3166:".length()));
                    }
                    mentions.addAll(e.mentions());
                } else if (e.attributes().get("nationalityOf") instanceof String iso) {
                    countries.add(iso);
                }
            }
            mentions.sort((x, y) -> Integer.compare(x.start(), y.start()));
            List<PlaceLinker.PlaceName> names = new ArrayList<>();
            List<Mention> kept = new ArrayList<>();
            for (Mention m : mentions) {
                Integer s = tokenAt.get(m.start());
                Integer e = tokenAt.get(-m.end() - 1);
                if (s != null && e != null) {
                    names.add(new PlaceLinker.PlaceName(m.text(), s, e + 1));
                    kept.add(m);
                }
            }
            List<PlaceLinker.Choice> choices = linker.choicesInContext(names, tokens, countries, a.host());
            GeoEvaluation eval = new GeoEvaluation(tagger.gazetteer());
            for (GeoEvaluation.Match match : eval.add(a, entities)) {
                if (match.mention() == null) {
                    continue;
                }
                int i = kept.indexOf(match.mention());
                if (i < 0) {
                    continue;
                }
                PlaceLinker.Choice c = choices.get(i);
                boolean[] y = new boolean[c.candidates().size()];
                int correct = 0;
                for (int k = 0; k < y.length; k++) {
                    y[k] = eval.isCorrect(match.gold(), c.candidates().get(k).place());
                    correct += y[k] ? 1 : 0;
                }
                if (correct > 0 && correct < y.length) {
                    xs.add(c.features());
                    ys.add(y);
                }
            }
        }
    }

    /** Maximises sum log P(correct) - l2/2 |w|^2 * n by full-batch Adam from {@code start}. */
    double[] fit(List<double[][]> xs, List<boolean[]> ys, double[] start) {
        int d = PlaceFeatures.COUNT;
        double[] w = start.clone();
        double[] m = new double[d];
        double[] v = new double[d];
        double rate = 0.05;
        int n = xs.size();
        for (int t = 1; t <= iterations; t++) {
            double[] g = new double[d];
            for (int e = 0; e < n; e++) {
                double[][] x = xs.get(e);
                boolean[] y = ys.get(e);
                double[] s = new double[x.length];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < x.length; k++) {
                    for (int j = 0; j < d; j++) {
                        s[k] += w[j] * x[k][j];
                    }
                    max = Math.max(max, s[k]);
                }
                double z = 0;
                double zc = 0;
                for (int k = 0; k < x.length; k++) {
                    s[k] = Math.exp(s[k] - max);
                    z += s[k];
                    if (y[k]) {
                        zc += s[k];
                    }
                }
                for (int k = 0; k < x.length; k++) {
                    double coef = (y[k] ? s[k] / zc : 0) - s[k] / z;
                    if (coef != 0) {
                        for (int j = 0; j < d; j++) {
                            g[j] += coef * x[k][j];
                        }
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                g[j] = g[j] / n - l2 * w[j];
                m[j] = 0.9 * m[j] + 0.1 * g[j];
                v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
                double mh = m[j] / (1 - Math.pow(0.9, t));
                double vh = v[j] / (1 - Math.pow(0.999, t));
                w[j] += rate * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        return w;
    }
}
