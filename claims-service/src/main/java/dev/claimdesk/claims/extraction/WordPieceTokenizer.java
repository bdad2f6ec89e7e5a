package dev.claimdesk.claims.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, as Hugging Face's {@code tokenizers} runs the {@code tokenizer.json} of
 * all-MiniLM-L6-v2 (BertNormalizer with lower-casing, BertPreTokenizer, WordPiece, {@code [CLS] … [SEP]}), in Java:
 * that library's native code took 10-15 MiB of the service's memory at start (docs/benchmarks.md, "The tokenizer in
 * Java"). Gives the same ids (WordPieceTokenizerTest compares them with the library's on the seeds, the reference
 * sets and edge cases).
 * Safe to share between threads.
 */
public final class WordPieceTokenizer {

    private static final String PREFIX = "##";

    private final Map<String, Integer> vocabulary;
    /** Tokens matched in the raw text before anything else, as the tokenizer's "added tokens" are. */
    private final Map<String, Integer> special;
    private final int unknown;
    private final int start;
    private final int end;
    private final int maxWordLength;

    private WordPieceTokenizer(Map<String, Integer> vocabulary, Map<String, Integer> special, int maxWordLength) {
        this.vocabulary = vocabulary;
        this.special = special;
        this.unknown = id(vocabulary, "[UNK]");
        this.start = id(vocabulary, "[CLS]");
        this.end = id(vocabulary, "[SEP]");
        this.maxWordLength = maxWordLength;
    }

    private static int id(Map<String, Integer> vocabulary, String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalArgumentException("the vocabulary has no " + token);
        }
        return id;
    }

    /**
     * Reads a {@code tokenizer.json}, refusing any that asks for steps other than those implemented here, so a
     * different model's tokenizer cannot be misread silently.
     */
    public static WordPieceTokenizer read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode normalizer = root.path("normalizer");
        JsonNode model = root.path("model");
        require(normalizer.path("type").asText(), "BertNormalizer", "normalizer");
        require(normalizer.path("clean_text").asBoolean(), true, "normalizer.clean_text");
        require(normalizer.path("handle_chinese_chars").asBoolean(), true, "normalizer.handle_chinese_chars");
        require(normalizer.path("lowercase").asBoolean(), true, "normalizer.lowercase");
        // null strips accents when lower-casing, as true does
        require(normalizer.path("strip_accents").asBoolean(true), true, "normalizer.strip_accents");
        require(root.path("pre_tokenizer").path("type").asText(), "BertPreTokenizer", "pre_tokenizer");
        require(model.path("type").asText(), "WordPiece", "model");
        require(model.path("continuing_subword_prefix").asText(), PREFIX, "model.continuing_subword_prefix");
        require(model.path("unk_token").asText(), "[UNK]", "model.unk_token");
        JsonNode post = root.path("post_processor").path("single");
        require(post.size() == 3 && "[CLS]".equals(post.path(0).path("SpecialToken").path("id").asText())
                && "[SEP]".equals(post.path(2).path("SpecialToken").path("id").asText()), true, "post_processor.single");
        Map<String, Integer> vocabulary = new HashMap<>(model.path("vocab").size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            vocabulary.put(entry.getKey(), entry.getValue().asInt());
        }
        Map<String, Integer> special = new HashMap<>();
        for (JsonNode added : root.path("added_tokens")) {
            require(added.path("normalized").asBoolean(), false, "added_tokens.normalized");
            special.put(added.path("content").asText(), added.path("id").asInt());
        }
        return new WordPieceTokenizer(vocabulary, special, model.path("max_input_chars_per_word").asInt(100));
    }

    private static void require(Object actual, Object expected, String what) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("unsupported tokenizer: " + what + " is " + actual + ", not " + expected);
        }
    }

    /** The token ids of one sequence, {@code [CLS]} first and {@code [SEP]} last, untruncated. */
    public int[] encode(String text) {
        IntList ids = new IntList(text.length() / 3 + 4);
        ids.add(start);
        int from = 0;
        for (int open = text.indexOf('['), close; open >= 0 && (close = text.indexOf(']', open)) >= 0;
             open = text.indexOf('[', open + 1)) {
            Integer id = special.get(text.substring(open, close + 1));
            if (id != null) {
                words(text.substring(from, open), ids);
                ids.add(id);
                from = close + 1;
                open = close;
            }
        }
        words(text.substring(from), ids);
        ids.add(end);
        return ids.toArray();
    }

    private void words(String text, IntList ids) {
        String normalized = normalize(text);
        int i = 0;
        int n = normalized.length();
        while (i < n) {
            int c = normalized.codePointAt(i);
            if (isWhitespace(c)) {
                i += Character.charCount(c);
            } else if (isPunctuation(c)) {
                int next = i + Character.charCount(c);
                wordPiece(normalized.substring(i, next), ids);
                i = next;
            } else {
                int wordEnd = i;
                while (wordEnd < n) {
                    int d = normalized.codePointAt(wordEnd);
                    if (isWhitespace(d) || isPunctuation(d)) {
                        break;
                    }
                    wordEnd += Character.charCount(d);
                }
                wordPiece(normalized.substring(i, wordEnd), ids);
                i = wordEnd;
            }
        }
    }

    /** Greedy longest match first; a word with any part outside the vocabulary is one unknown token. */
    private void wordPiece(String word, IntList ids) {
        if (word.codePointCount(0, word.length()) > maxWordLength) {
            ids.add(unknown);
            return;
        }
        int mark = ids.size();
        int from = 0;
        while (from < word.length()) {
            Integer found = null;
            int to = word.length();
            while (to > from) {
                String piece = from == 0 ? word.substring(from, to) : PREFIX + word.substring(from, to);
                found = vocabulary.get(piece);
                if (found != null) {
                    break;
                }
                to = Character.isLowSurrogate(word.charAt(to - 1)) && to - 2 >= from ? to - 2 : to - 1;
            }
            if (found == null) {
                ids.truncate(mark);
                ids.add(unknown);
                return;
            }
            ids.add(found);
            from = to;
        }
    }

    /** Control characters out, whitespace as spaces, CJK ideographs as words of their own, accents off, lower case. */
    private static String normalize(String text) {
        StringBuilder clean = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                continue;
            }
            if (isWhitespace(c)) {
                clean.append(' ');
            } else if (isChinese(c)) {
                clean.append(' ').appendCodePoint(c).append(' ');
            } else {
                clean.appendCodePoint(c);
            }
        }
        String decomposed = Normalizer.normalize(clean, Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                stripped.appendCodePoint(c);
            }
        }
        return lowerCase(stripped);
    }

    /**
     * Character by character, as the Rust library does: no final sigma, and İ as i with a combining dot, the one
     * character whose lower case is two.
     */
    private static String lowerCase(CharSequence text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            if (c == 0x130) {
                lower.append("i\u0307");
            } else {
                lower.appendCodePoint(Character.toLowerCase(c));
            }
        }
        return lower.toString();
    }

    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    private static boolean isWhitespace(int c) {
        return Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    /** A growable int array: a sentence's ids without boxing each one. */
    private static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(4, capacity)];
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        void truncate(int newSize) {
            size = newSize;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
