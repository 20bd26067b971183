package org.openkyc.screening.matching;

/**
 * One word of a normalised name.
 *
 * @param text the word in lower-case ASCII
 * @param kind what role it plays, which sets how much it counts
 * @param phonetic its phonetic key (Double Metaphone), empty for numerals and legal forms
 */
public record Token(String text, Kind kind, String phonetic) {

    /** The roles a word plays in a name. */
    public enum Kind {
        /** A name proper: given name, family name, the distinctive word of an organisation. */
        NAME(1.0),
        /** A generic organisation word (group, trading, international …). */
        GENERIC(0.35),
        /** A particle (al, bin, de, van …). */
        PARTICLE(0.3),
        /** A legal form (ltd, ag, llc …), canonical. */
        LEGAL(0.25),
        /** Digits or a Roman numeral, compared strictly. */
        NUMERAL(0.8),
        /** A single letter: an initial. */
        INITIAL(0.5);

        final double weight;

        Kind(double weight) {
            this.weight = weight;
        }
    }
}
