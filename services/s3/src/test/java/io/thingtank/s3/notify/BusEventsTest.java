package io.thingtank.s3.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.core.bus.BusEvent;
import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.core.bus.BusResult;
import io.thingtank.core.bus.MessageBus;
import io.thingtank.s3.store.BucketConfigs;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** BusEvents publishes only what would reach someone. */
class BusEventsTest {
  /** Records publications; {@code reaches} answers what the test sets. */
  private static final class RecordingBus implements MessageBus {
    final List<String> published = new ArrayList<>();
    boolean listened;

    @Override public Future<Void> publish(BusPrincipal from, String topic, List<Object> args, Map<String, Object> kwargs) {
      published.add(topic);
      return Future.succeededFuture();
    }

    @Override public boolean reaches(BusPrincipal from, String topic) { return listened; }

    @Override public Future<Registration> subscribe(BusPrincipal who, String topic, String match, Consumer<BusEvent> handler) {
      throw new UnsupportedOperationException();
    }

    @Override public Future<BusResult> call(BusPrincipal caller, String procedure, List<Object> args, Map<String, Object> kwargs) {
      throw new UnsupportedOperationException();
    }

    @Override public Future<Registration> register(BusPrincipal callee, String procedure, String match,
        Function<BusEvent, Future<BusResult>> invocation) {
      throw new UnsupportedOperationException();
    }
  }

  /** No bucket has a recorded owner. */
  private static final BucketConfigs NO_CONFIGS = new BucketConfigs() {
    @Override public <T> Optional<T> get(String bucket, Kind kind, Class<T> type) { return Optional.empty(); }

    @Override public void put(String bucket, Kind kind, Object config) { throw new UnsupportedOperationException(); }

    @Override public void delete(String bucket, Kind kind) { throw new UnsupportedOperationException(); }

    @Override public void deleteAll(String bucket) { throw new UnsupportedOperationException(); }
  };

  @Test void skipsEventsNoOneWouldReceiveAndPublishesTheRest() {
    RecordingBus bus = new RecordingBus();
    BusEvents events = new BusEvents(bus, "realm1", "thingtank.s3", "us-east-1", () -> 0L, NO_CONFIGS);
    EventOrigin origin = new EventOrigin("a".repeat(64), "127.0.0.1", "req-1");

    events.removed("b", "k", null, "ObjectRemoved:Delete", origin);
    assertThat(bus.published).isEmpty();

    bus.listened = true;
    events.removed("b", "k", null, "ObjectRemoved:Delete", origin);
    assertThat(bus.published).containsExactly("thingtank.s3.object.removed");
  }
}
