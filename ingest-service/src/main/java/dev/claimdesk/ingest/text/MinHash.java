package dev.claimdesk.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MinHash signatures over word shingles, and locality-sensitive band keys to find, among many stored
 * articles, the few whose text is close enough to compare: a rewritten wire copy keeps well over a
 * third of its three-word shingles, while two outlets writing up the same event share a few percent.
 */
public final class MinHash {

    public static final int HASHES = 128;
    public static final int ROWS_PER_BAND = 2;
    private static final int SHINGLE = 3;
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
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
        List<Long> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            tokens.add(hash(matcher.group()));
        }
        int[] signature = new int[HASHES];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        int shingles = Math.max(1, tokens.size() - SHINGLE + 1);
        for (int s = 0; s < shingles && !tokens.isEmpty(); s++) {
            long shingle = 0;
            for (int k = s; k < Math.min(s + SHINGLE, tokens.size()); k++) {
                shingle = mix(shingle * 31 + tokens.get(k));
            }
            for (int i = 0; i < HASHES; i++) {
                int h = (int) (mix(shingle ^ SEEDS[i]) >>> 33);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
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
        long[] keys = new long[HASHES / ROWS_PER_BAND];
        for (int b = 0; b < keys.length; b++) {
            long key = b;
            for (int r = 0; r < ROWS_PER_BAND; r++) {
                key = mix(key * 0x100000001B3L + signature[b * ROWS_PER_BAND + r]);
            }
            keys[b] = key;
        }
        return keys;
    }

    private static long hash(String token) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < token.length(); i++) {
            h ^= token.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
