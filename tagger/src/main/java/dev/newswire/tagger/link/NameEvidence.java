package dev.newswire.tagger.link;

/**
 * What the tagger's name lists say about a phrase, beyond the gazetteer: the resolver asks before overruling
 * the model's type. The tagger answers from its lexicon and name lists ({@link dev.newswire.tagger.ner.NameLists}).
 */
public interface NameEvidence {

    /** Lists nothing. */
    NameEvidence NONE = new NameEvidence() {
        @Override
        public boolean isListedOrganisation(String[] words) {
            return false;
        }

        @Override
        public boolean isListedNationality(String[] words) {
            return false;
        }

        @Override
        public boolean isWellKnownName(String[] words) {
            return false;
        }
    };

    /** True if an organisation or company of this name is listed ("BASF", "United Nations"). */
    boolean isListedOrganisation(String[] words);

    /** True if this is listed as a nationality or people ("Korean", "Kurds"). */
    boolean isListedNationality(String[] words);

    /**
     * True if a list knows this as the name of a person, company, organisation, country, big city or people;
     * not merely as a given or family name, a small place, a work or a product, which many ordinary words are.
     */
    boolean isWellKnownName(String[] words);
}
