package dev.newswire.extract.step;

import dev.newswire.extract.lang.LanguageIdentifier;

/**
 * The language of the main text, by {@link LanguageIdentifier}; the page's declared language only when the text
 * is too short to tell (declarations are often a template default, so the text decides when it can).
 */
public final class LanguageStep implements ExtractionStep {

    private final LanguageIdentifier identifier;

    public LanguageStep(LanguageIdentifier identifier) {
        this.identifier = identifier;
    }

    @Override
    public void apply(PageContext page) {
        StringBuilder sb = new StringBuilder();
        for (Block b : page.blocks()) {
            if (sb.length() > 6000) {
                break;
            }
            sb.append(b.text()).append('\n');
        }
        String title = page.metadata().title();
        if (sb.length() < 200 && title != null) {
            sb.append(title).append('\n');
        }
        String lang = identifier.identify(sb.toString());
        String language = lang != null ? lang : page.metadata().declaredLanguage();
        if (language != null) {
            page.setLanguage(language);
        }
    }
}
