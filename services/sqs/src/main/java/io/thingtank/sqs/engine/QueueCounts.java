package io.thingtank.sqs.engine;

/** The Approximate* counters of a queue: visible, in flight, delayed. */
public record QueueCounts(long visible, long notVisible, long delayed) {}
