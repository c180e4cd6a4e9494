package io.thingtank.devices.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.core.Clock;
import io.thingtank.core.storage.StoreExecutor;
import io.thingtank.devices.store.DeviceStore;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SkyNet's {@code logEvent}: appends an event with its code and ISO timestamp to the store,
 * indexed under every device it involves ({@code uuid}, {@code fromUuid}, {@code toUuid},
 * {@code devices}). Writes are ordered on one executor stripe and not awaited: a lost log
 * line never fails a request. Thread-safe.
 */
public final class EventLog {
  private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
  private final DeviceStore store;
  private final StoreExecutor executor;
  private final Clock clock;

  public EventLog(DeviceStore store, StoreExecutor executor, Clock clock) {
    this.store = store;
    this.executor = executor;
    this.clock = clock;
  }

  public void log(EventCode code, ObjectNode data) {
    ObjectNode event = data.deepCopy();
    event.remove("token");
    if (event.get("from") instanceof ObjectNode from) from.remove("token");
    if (!event.has("timestamp")) event.put("timestamp", DeviceJson.isoTime(clock.millis()));
    event.put("eventCode", code.code());
    Set<String> involved = new LinkedHashSet<>();
    for (String k : new String[] {"uuid", "fromUuid", "toUuid"}) {
      JsonNode v = event.get(k);
      if (v != null && v.isTextual()) involved.add(v.asText());
    }
    JsonNode devices = event.get("devices");
    if (devices != null && devices.isArray()) devices.forEach(d -> { if (d.isTextual()) involved.add(d.asText()); });
    else if (devices != null && devices.isTextual()) involved.add(devices.asText());
    involved.remove("*");
    involved.remove("all");
    executor.submit("devices-events", () -> {
      store.appendEvent(event, involved);
      return null;
    }).onFailure(e -> LOG.warn("event {} not logged", code, e));
  }
}
