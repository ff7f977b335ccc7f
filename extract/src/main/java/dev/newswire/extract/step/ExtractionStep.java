package dev.newswire.extract.step;

/**
 * One named step of the extraction chain. Steps read and write the shared {@link PageContext}; they run in the
 * order {@link dev.newswire.extract.Extractor} lists them and each can be tested alone on a small fixture.
 */
public interface ExtractionStep {

    /** Reads what earlier steps left in the page and adds its own findings. Never throws on odd HTML. */
    void apply(PageContext page);

    /** The step's name, for logs and timing. */
    default String name() {
        return getClass().getSimpleName();
    }
}
