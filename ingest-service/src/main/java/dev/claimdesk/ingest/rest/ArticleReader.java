package dev.claimdesk.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.commons.problem.Problem;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.ingest.config.IngestConfig;
import dev.claimdesk.ingest.service.NewArticle;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads ingest requests from raw bytes, so that each kind of bad input gets its own problem type:
 * invalid UTF-8, malformed JSON, missing or invalid fields, an unknown format, a body or batch too large.
 */
@ApplicationScoped
public class ArticleReader {

    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    private static final int MAX_TITLE = 1000;
    private static final int MAX_OUTLET = 200;
    private static final int MAX_URL = 2048;

    private final ObjectMapper mapper;
    private final IngestConfig config;

    ArticleReader(ObjectMapper mapper, IngestConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    public JsonNode readSingle(byte[] raw) {
        // JSON escaping can at most inflate the body sixfold; beyond that no valid request fits the limit.
        if (raw.length > config.maxBodyBytes() * 6L + 65_536) {
            throw bodyTooLarge();
        }
        JsonNode node = parse(raw);
        if (!node.isObject()) {
            throw ProblemException.badRequest("malformed-json", "Request body is not valid", "Expected a JSON object");
        }
        return node;
    }

    public List<JsonNode> readBatch(byte[] raw) {
        if (raw.length > config.maxBatchBytes()) {
            throw batchTooLarge("The batch is " + raw.length + " bytes; at most " + config.maxBatchBytes() + " are accepted");
        }
        JsonNode node = parse(raw);
        if (!node.isArray()) {
            throw ProblemException.badRequest("malformed-json", "Request body is not valid", "Expected a JSON array of articles");
        }
        if (node.size() > config.maxBatchItems()) {
            throw batchTooLarge("The batch holds " + node.size() + " articles; at most " + config.maxBatchItems() + " are accepted");
        }
        if (node.isEmpty()) {
            throw ProblemException.badRequest("empty-batch", "Empty batch", "The batch holds no article");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    /** Checks one article's fields; throws a problem naming every field that is wrong. */
    public NewArticle toArticle(JsonNode node) {
        if (!node.isObject()) {
            throw ProblemException.badRequest("malformed-json", "Article is not valid", "Expected a JSON object");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String title = text(node, "title", true, MAX_TITLE, errors);
        String outlet = text(node, "outlet", true, MAX_OUTLET, errors);
        String body = text(node, "body", true, Integer.MAX_VALUE, errors);
        String url = text(node, "url", false, MAX_URL, errors);
        String publishedAt = text(node, "publishedAt", false, 64, errors);
        String language = text(node, "language", false, 35, errors);
        String format = text(node, "format", false, 16, errors);

        NewArticle.Format parsedFormat = NewArticle.Format.TEXT;
        if (format != null) {
            switch (format.toLowerCase(Locale.ROOT)) {
                case "text" -> parsedFormat = NewArticle.Format.TEXT;
                case "html" -> parsedFormat = NewArticle.Format.HTML;
                default -> throw ProblemException.badRequest("unknown-format", "Unknown format",
                        "format '" + format + "' is not one of text, html");
            }
        }
        if (url != null && !isWebUrl(url)) {
            errors.add(new Problem.FieldError("url", "must be an absolute http or https URL"));
        }
        Instant published = null;
        if (publishedAt != null) {
            published = Timestamps.parse(publishedAt);
            if (published == null) {
                errors.add(new Problem.FieldError("publishedAt", "must be an ISO-8601 instant such as 2022-03-29T12:00:00Z"));
            }
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            errors.add(new Problem.FieldError("language", "must be a lower-case ISO 639 code such as en"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "invalid-article", "Article is not valid",
                    errors.size() + " field(s) are missing or invalid").withErrors(errors));
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > config.maxBodyBytes()) {
            throw bodyTooLarge();
        }
        return new NewArticle(title.strip(), outlet.strip(), url, published, language, parsedFormat, body);
    }

    private JsonNode parse(byte[] raw) {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("invalid-encoding", "Request body is not UTF-8",
                    "The body holds bytes that are not valid UTF-8");
        }
        if (json.isBlank()) {
            throw ProblemException.badRequest("malformed-json", "Request body is not valid", "The body is empty");
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json", "Request body is not valid JSON", e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String field, boolean required, int maxLength, List<Problem.FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.FieldError(field, "must be a string"));
            return null;
        }
        String text = value.asText();
        if (required && text.isBlank()) {
            errors.add(new Problem.FieldError(field, "must not be blank"));
            return null;
        }
        if (text.length() > maxLength) {
            errors.add(new Problem.FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return text.isBlank() ? null : text.strip();
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }


    private ProblemException bodyTooLarge() {
        return new ProblemException(413, "body-too-large", "Article body too large",
                "The article body is over " + config.maxBodyBytes() + " bytes");
    }

    private static ProblemException batchTooLarge(String detail) {
        return new ProblemException(413, "batch-too-large", "Batch too large", detail);
    }
}
