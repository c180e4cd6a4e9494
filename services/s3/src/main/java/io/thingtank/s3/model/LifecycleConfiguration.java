package io.thingtank.s3.model;

import java.util.List;

/** A bucket's lifecycle rules, in the order they were given. */
public record LifecycleConfiguration(List<LifecycleRule> rules) {}
