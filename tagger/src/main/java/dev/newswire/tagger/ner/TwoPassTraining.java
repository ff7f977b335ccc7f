package dev.newswire.tagger.ner;

import dev.newswire.tagger.eval.LabeledDocument;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the two-pass {@link StatisticalTagger}. The second pass learns from first-pass prediction
 * histories, and those must be as wrong on the training data as they will be on new text: so the training
 * documents' histories come from two first-pass models each trained on the other half (jackknifing), while
 * the shipped first pass is trained on everything.
 */
public final class TwoPassTraining {

    private TwoPassTraining() {
    }

    /** Trains both passes on {@code train}, reporting progress on {@code dev}. */
    public static StatisticalTagger train(FeatureExtractor extractor, List<LabeledDocument> train,
                                          List<LabeledDocument> dev, PerceptronTrainer.Options options,
                                          boolean secondPass, PrintStream log) {
        PerceptronTrainer trainer = new PerceptronTrainer(extractor, options, log);
        log.println("first pass, all training documents:");
        PerceptronModel first = trainer.train(train, null, dev, null);
        if (!secondPass) {
            return new StatisticalTagger(extractor, first, null);
        }
        Map<LabeledDocument, Boolean> inEven = halves(train);
        List<LabeledDocument> even = new ArrayList<>();
        List<LabeledDocument> odd = new ArrayList<>();
        for (LabeledDocument d : train) {
            (inEven.get(d) ? even : odd).add(d);
        }
        PerceptronTrainer quiet = new PerceptronTrainer(extractor, options, log);
        log.println("first pass on even documents (to label the odd ones):");
        StatisticalTagger onEven = new StatisticalTagger(extractor, quiet.train(even, null, List.of(), null), null);
        log.println("first pass on odd documents (to label the even ones):");
        StatisticalTagger onOdd = new StatisticalTagger(extractor, quiet.train(odd, null, List.of(), null), null);
        List<int[]> trainPriors = new ArrayList<>(train.size());
        for (int d = 0; d < train.size(); d++) {
            NerDocument doc = train.get(d).doc();
            int[] firstLabels = (inEven.get(train.get(d)) ? onOdd : onEven).label(doc);
            trainPriors.add(StatisticalTagger.predictionHistory(doc.words(), firstLabels));
        }
        StatisticalTagger firstOnly = new StatisticalTagger(extractor, first, null);
        List<int[]> devPriors = new ArrayList<>(dev.size());
        for (LabeledDocument d : dev) {
            devPriors.add(StatisticalTagger.predictionHistory(d.doc().words(), firstOnly.label(d.doc())));
        }
        log.println("second pass, with prediction histories:");
        PerceptronModel second = trainer.train(train, trainPriors, dev, devPriors);
        return new StatisticalTagger(extractor, first, second);
    }

    /**
     * The jackknife halves: distinct documents alternate between the halves in order of first appearance, and
     * a document presented more than once (the same object) stays in its half, so no history comes from a
     * model that was trained on the document itself.
     */
    static Map<LabeledDocument, Boolean> halves(List<LabeledDocument> train) {
        Map<LabeledDocument, Boolean> inEven = new IdentityHashMap<>();
        for (LabeledDocument d : train) {
            if (!inEven.containsKey(d)) {
                inEven.put(d, inEven.size() % 2 == 0);
            }
        }
        return inEven;
    }
}
