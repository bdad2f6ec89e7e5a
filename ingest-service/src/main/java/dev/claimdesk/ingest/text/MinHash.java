package dev.claimdesk.ingest.text;


/**
 * MinHash signatures over word shingles, and locality-sensitive band keys to find, among many stored
 * articles, the few whose text is close enough to compare: a rewritten wire copy keeps well over a
 * third of its three-word shingles, while two outlets writing up the same event share a few percent.
 */
public final class MinHash {

    public static final int HASHES = 128;
    public static final int ROWS_PER_BAND = 2;
    private static final int SHINGLE = 3;
    private static final long[] SEEDS = new long[HASHES];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            SEEDS[i] = x;
        }
    }

    private MinHash() {
    }

    public static int[] signature(String text) {
        long[] tokens = tokens(text);
        int count = tokens.length;
        long[] shingles = new long[count == 0 ? 0 : Math.max(1, count - SHINGLE + 1)];
        for (int s = 0; s < shingles.length; s++) {
            long shingle = 0;
            for (int k = s; k < Math.min(s + SHINGLE, count); k++) {
                shingle = mix(shingle * 31 + tokens[k]);
            }
            shingles[s] = shingle;
        }
        return minima(shingles);
    }

    /** A signature of a set of words rather than of running text: it estimates how many words two sets share. */
    public static int[] signatureOfTerms(java.util.Collection<String> terms) {
        return minima(terms.stream().mapToLong(term -> mix(term.hashCode() * 0x9E3779B97F4A7C15L + term.length())).toArray());
    }

    private static int[] minima(long[] shingles) {
        int[] signature = new int[HASHES];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < HASHES; i++) {
                int h = (int) (mix(shingle ^ SEEDS[i]) >>> 33);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    /** Hashes of the text's words (runs of letters and digits, case folded), in order. */
    private static long[] tokens(String text) {
        long[] tokens = new long[64];
        int count = 0;
        long h = 0;
        boolean inWord = false;
        for (int i = 0; i <= text.length(); i++) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            if (Character.isLetterOrDigit(cp)) {
                h = (inWord ? h : 0xcbf29ce484222325L) ^ Character.toLowerCase(cp);
                h *= 0x100000001b3L;
                inWord = true;
                if (Character.isSupplementaryCodePoint(cp)) {
                    i++;
                }
            } else if (inWord) {
                if (count == tokens.length) {
                    tokens = java.util.Arrays.copyOf(tokens, count * 2);
                }
                tokens[count++] = mix(h);
                inWord = false;
            }
        }
        return java.util.Arrays.copyOf(tokens, count);
    }

    /** Estimated Jaccard similarity of the two texts' shingle sets. */
    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    /** One key per band; two texts that share a key become candidates for comparison. */
    public static long[] bands(int[] signature) {
        return bands(signature, 0);
    }

    /** Band keys of a signature of another kind, kept apart from the keys of shingle signatures by {@code kind}. */
    public static long[] bands(int[] signature, int kind) {
        long[] keys = new long[HASHES / ROWS_PER_BAND];
        for (int b = 0; b < keys.length; b++) {
            long key = b + (long) kind * keys.length;
            for (int r = 0; r < ROWS_PER_BAND; r++) {
                key = mix(key * 0x100000001B3L + signature[b * ROWS_PER_BAND + r]);
            }
            keys[b] = key;
        }
        return keys;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
