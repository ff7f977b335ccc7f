/**
 * Operator tools for a running pipeline: {@code watch}, {@code status}, {@code dlq} and {@code dlq replay} on the
 * command line, the web console ({@code dev.newswire.ops.console}) and the Prometheus metrics facade
 * ({@code dev.newswire.metrics}). Depends on the wire model only, never on the stages.
 */
package dev.newswire.ops;
