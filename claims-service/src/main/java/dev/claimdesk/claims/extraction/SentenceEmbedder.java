package dev.claimdesk.claims.extraction;

import java.util.List;

/** Maps sentences to unit vectors whose dot product says how alike their meanings are. */
public interface SentenceEmbedder {

    /** One unit-length vector per sentence, in order. */
    List<float[]> embed(List<String> sentences);

    /**
     * The unit vector of the mean of {@code vectors}: what a set of sentences (an article's claims) is about as a whole;
     * null when there are none.
     */
    static float[] mean(java.util.Collection<float[]> vectors) {
        float[] sum = null;
        for (float[] v : vectors) {
            if (v == null) {
                continue;
            }
            if (sum == null) {
                sum = new float[v.length];
            }
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        if (sum == null) {
            return null;
        }
        double norm = Math.sqrt(cosine(sum, sum));
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= (float) norm;
        }
        return sum;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
