package io.thingtank.s3.wire.body;

import io.thingtank.s3.checksum.BodyDigests;
import io.vertx.core.buffer.Buffer;

/** A received, verified body: its digests, and its bytes when it was read into memory (else null). */
public record ReceivedBody(BodyDigests.Result digests, Buffer bytes) {}
