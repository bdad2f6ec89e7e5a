package dev.claimdesk.claims.extraction;

import java.util.List;

/** Maps sentences to unit vectors whose dot product says how alike their meanings are. */
public interface SentenceEmbedder {

    /** One unit-length vector per sentence, in order. */
    List<float[]> embed(List<String> sentences);

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
