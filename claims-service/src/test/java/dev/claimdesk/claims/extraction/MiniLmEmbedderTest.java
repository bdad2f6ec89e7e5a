package dev.claimdesk.claims.extraction;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MiniLmEmbedderTest {

    private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder(1);

    @Test
    void shouldGiveTheVectorsOfTheModelsOwnEncoderAtUnitLength() {
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        List<String> sentences = List.of("The central bank raised its key rate by half a point on Thursday.",
                "“We will rebuild every bridge,” the governor said.", "Floods killed at least 40 people in the valley.");
        List<float[]> vectors = EMBEDDER.embed(sentences);
        for (int i = 0; i < sentences.size(); i++) {
            assertEquals(384, vectors.get(i).length);
            assertEquals(1.0, SentenceEmbedder.cosine(vectors.get(i), vectors.get(i)), 1e-4, "unit length");
            double same = SentenceEmbedder.cosine(vectors.get(i), reference.embed(sentences.get(i)).content().vector());
            assertTrue(same > 0.9999, sentences.get(i) + ": " + same);
        }
    }

    @Test
    void shouldPutAParaphraseCloserThanAnotherStoryOnTheSameTopic() {
        List<float[]> v = EMBEDDER.embed(List.of(
                "The army will pull its troops back from the capital, the defence ministry said.",
                "Soldiers are to withdraw from around the capital, according to the ministry of defence.",
                "The army recruited 2,000 new soldiers in the capital last year."));
        assertTrue(SentenceEmbedder.cosine(v.get(0), v.get(1)) > SentenceEmbedder.cosine(v.get(0), v.get(2)) + 0.1);
    }
}
