package dev.palisade.samples.texttools;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs: lower-case ASCII letters and digits joined by single hyphens. Stateless. */
final class Slugs {

    private Slugs() {
    }

    /**
     * @param text      any text; accents are dropped, other symbols become separators
     * @param maxLength the longest slug to return; a cut never leaves a trailing hyphen
     * @return the slug, possibly empty when the text has no letters or digits
     */
    static String slugify(String text, int maxLength) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() <= maxLength) {
            return slug;
        }
        return slug.substring(0, maxLength).replaceAll("-+$", "");
    }
}
