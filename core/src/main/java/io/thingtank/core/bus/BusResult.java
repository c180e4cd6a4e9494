package io.thingtank.core.bus;

import java.util.List;
import java.util.Map;

/** The result of a call through the {@link MessageBus}. */
public record BusResult(List<Object> args, Map<String, Object> kwargs) {
}
