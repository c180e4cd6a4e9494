package io.thingtank.s3.model;

import java.util.List;

/** One CORSRule of a bucket's CORS configuration (S3 API Reference, PutBucketCors). */
public record CorsRule(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
    List<String> exposeHeaders, Integer maxAgeSeconds) {}
