package io.thingtank.core.net;

import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.SelectStrategy;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.IntSupplier;
import io.vertx.core.impl.transports.EpollTransport;
import io.vertx.core.transport.Transport;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

/**
 * Vert.x's epoll transport with one addition: a chosen event loop can keep polling (non-blocking
 * {@code epoll_wait}) for a short while after its last I/O or task before it blocks. A loop that
 * has just been busy is likely to get more work within microseconds (the next message of a
 * request/response exchange); catching it while still awake saves the sleep and the wake-up, which
 * on loopback both sides pay: the sender's {@code send} wakes the sleeping receiver, and the
 * receiver pays the context switch. Loops block as Netty's do until {@link #spinOn} is called for
 * them, and an idle spinning loop still blocks after its spin, so an idle server uses no CPU.
 * Measured on wamp-rpc (docs/benchmarks/wamp-rpc.md, session 7): 95,000 -> 101,000-114,000 calls/s.
 */
public final class SpinningEpoll {
  /** Each event loop's strategy, by loop (Netty hands the loop itself to the handler factory). */
  private static final Map<Object, SpinThenBlock> STRATEGIES = Collections.synchronizedMap(new WeakHashMap<>());

  private SpinningEpoll() {}

  /** The transport, or null when epoll is not available here (the caller keeps Vert.x's default). */
  public static Transport transport() {
    if (!Transport.EPOLL.available()) return null;
    io.vertx.core.spi.transport.Transport impl = new EpollTransport() {
      @Override public IoHandlerFactory ioHandlerFactory() {
        return loop -> {
          SpinThenBlock strategy = new SpinThenBlock(System::nanoTime);
          STRATEGIES.put(loop, strategy);
          return EpollIoHandler.newFactory(0, () -> strategy).newHandler(loop);
        };
      }
    };
    return new Transport() {
      @Override public String name() { return "epoll"; }
      @Override public boolean available() { return true; }
      @Override public Throwable unavailabilityCause() { return null; }
      @Override public io.vertx.core.spi.transport.Transport implementation() { return impl; }
    };
  }

  /**
   * Makes {@code loop} poll for {@code micros} after its last work before it blocks (0: block at
   * once, Netty's default). No effect on loops of another transport.
   */
  public static void spinOn(EventLoop loop, long micros) {
    SpinThenBlock s = STRATEGIES.get(loop);
    if (s != null) s.spinNanos = micros * 1000;
  }

  /** One per event loop, called only on its thread ({@link #spinOn} may set the spin from any). */
  static final class SpinThenBlock implements SelectStrategy {
    private final LongSupplier nanoTime;
    volatile long spinNanos;
    private boolean blocked;
    private long lastBusy;

    SpinThenBlock(LongSupplier nanoTime) { this.nanoTime = nanoTime; }

    @Override public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
      long spinNanos = this.spinNanos;
      if (spinNanos == 0) return hasTasks ? selectNow.get() : SELECT;
      long now = nanoTime.getAsLong();
      if (blocked) {
        blocked = false; // woken from a blocking wait: there was work
        lastBusy = now;
      }
      if (!hasTasks && now - lastBusy >= spinNanos) {
        blocked = true;
        return SELECT;
      }
      int ready = selectNow.get();
      if (ready > 0 || hasTasks) {
        lastBusy = now;
        return ready;
      }
      return CONTINUE;
    }
  }
}
