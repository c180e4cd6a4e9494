package io.thingtank.core.bus;

import java.util.List;
import java.util.Map;

/** One event delivered to an in-process subscriber. {@code publisherAuthid} is null unless disclosed. */
public record BusEvent(String topic, List<Object> args, Map<String, Object> kwargs, String publisherAuthid) {
}
