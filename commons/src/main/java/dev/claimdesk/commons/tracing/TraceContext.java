package dev.claimdesk.commons.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The W3C traceparent of the work in progress, carried into message headers so consumers continue the trace. */
public final class TraceContext {

    private TraceContext() {
    }

    /** @return the current traceparent, or null when no span is active */
    public static String currentTraceparent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
