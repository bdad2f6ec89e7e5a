package dev.claimdesk.claims.extraction;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.commons.testing.EvalData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java tokenizer against Hugging Face's own (its Rust library, through DJL), on news text and on edge cases. */
class WordPieceTokenizerTest {

    private static final String JSON = "/all-minilm-l6-v2-q-tokenizer.json";

    private static WordPieceTokenizer tokenizer;
    private static HuggingFaceTokenizer reference;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = WordPieceTokenizerTest.class.getResourceAsStream(JSON)) {
            tokenizer = WordPieceTokenizer.read(in);
        }
        try (InputStream in = WordPieceTokenizerTest.class.getResourceAsStream(JSON)) {
            reference = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
        }
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    @Test
    void shouldGiveTheReferenceIdsForEverySentenceOfTheSeedsThePracticeSetAndThePeersFigureCases() throws IOException {
        SentenceSegmenter segmenter = new SentenceSegmenter();
        List<String> sentences = new ArrayList<>();
        for (Path dir : List.of(EvalData.seeds(), EvalData.eval().resolve("practice"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    segmenter.split(Files.readString(file)).forEach(s -> sentences.add(s.text()));
                }
            }
        }
        // figures in every notation: currencies, units, ranges, percentages, ordinals, words
        try (Stream<Path> files = Files.list(EvalData.eval().resolve("peer-specs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                new ObjectMapper().readTree(file.toFile()).forEach(c -> sentences.add(c.path("Input").asText()));
            }
        }
        assertTrue(sentences.size() > 700, "sentences read: " + sentences.size());
        List<String> different = sentences.stream().filter(s -> !Arrays.equals(tokenizer.encode(s), referenceIds(s))).toList();
        assertEquals(List.of(), different);
    }

    @Test
    void shouldGiveTheReferenceIdsForAccentsScriptsPunctuationAndOddCharacters() {
        List<String> cases = List.of(
                "Café owners in Zürich and São Paulo protested; “prices,” they said, “are absurd.”",
                "Ελληνικά: ΟΔΟΣ ΣΟΦΟΣ", "İstanbul’s mayor and the Kurdish city of Diyarbakır", "東京都 and 北京 reported",
                "Twenty\u00a0per\u2009cent — or 20 % — of £1.5bn", "tabs\tand\nnew\r\nlines\u2028here", "zero\u200bwidth and soft\u00adhyphen",
                "emoji 🚀🔥 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and a private \ue000 char", "control\u0007 and \u0000 nul and \ufffd",
                "[CLS] literal [MASK] tokens [SEP] and [NOT] one [PAD", "a" + "b".repeat(120) + " long word",
                "pneumonoultramicroscopicsilicovolcanoconiosis antidisestablishmentarianism",
                "U.S.-led e-mail @handle #tag $5,000 100% x^2 `code` ~tilde_under", "", "   ",
                "naïve coöperation façade résumé Ångström ﬁnance ﬀ", "Ａｂｃ full-width and ①②③ and Ⅻ");
        for (String text : cases) {
            assertArrayEquals(referenceIds(text), tokenizer.encode(text), text);
        }
    }

    @Test
    void shouldRefuseATokenizerThatWouldBeMisread() {
        String cased = """
                {"normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                  "strip_accents": null, "lowercase": false},
                 "pre_tokenizer": {"type": "BertPreTokenizer"},
                 "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "vocab": {}}}""";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordPieceTokenizer.read(new ByteArrayInputStream(cased.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("lowercase"), e.getMessage());
    }

    private static int[] referenceIds(String text) {
        return Arrays.stream(reference.encode(text).getIds()).mapToInt(Math::toIntExact).toArray();
    }
}
