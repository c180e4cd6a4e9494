package io.thingtank.wamp.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.PlatformDependent;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one connection has still to write, flushed to its socket once per batch. Realm threads
 * (any thread) {@link #add} encoded frames; the connection's event loop drains everything queued
 * at once, writes it through the channel pipeline and flushes once. Under load many messages to
 * one peer (a callee's INVOCATIONs, a subscriber's EVENTs) then leave in one {@code writev}
 * instead of one system call each. Order is kept: one queue, drained by one thread.
 *
 * <p>A peer that reads too slowly (more than {@link #LIMIT} bytes queued or not yet on the
 * wire) is disconnected instead of growing the router's memory without bound.
 */
final class OutboundQueue {
  static final long LIMIT = 32L * 1024 * 1024;
  /** Marks the end: after the frames before it are flushed, the connection closes. */
  private static final Object CLOSE = new Object();

  private final ChannelHandlerContext ctx;
  private final Runnable close;
  private final Queue<Object> frames = PlatformDependent.newMpscQueue();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Runnable drain = this::drain;
  private final AtomicLong pending = new AtomicLong();

  /**
   * @param ctx   where frames enter the pipeline (the transport's own handler, so that the
   *              transport's encoders and extensions apply)
   * @param close closes the connection; runs on the event loop after what was queued before it
   */
  OutboundQueue(ChannelHandlerContext ctx, Runnable close) {
    this.ctx = ctx;
    this.close = close;
  }

  /**
   * Queues a frame (or an {@code Object[]} of frames written back to back) of {@code bytes}
   * bytes; false (and nothing queued) when the peer is over its budget.
   */
  boolean add(Object frame, int bytes) {
    if (pending.addAndGet(bytes) > LIMIT) {
      pending.addAndGet(-bytes);
      release(frame);
      return false;
    }
    frames.add(new Sized(frame, bytes));
    schedule();
    return true;
  }

  /** Closes the connection once everything queued before has been written. */
  void close() {
    frames.add(CLOSE);
    schedule();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) ctx.executor().execute(drain);
  }

  /** Event loop: writes what is queued, then one flush. */
  private void drain() {
    scheduled.set(false);
    Sized last = null;
    long bytes = 0;
    boolean closing = false;
    for (Object f; (f = frames.poll()) != null; ) {
      if (f == CLOSE) {
        closing = true;
        break;
      }
      if (last != null) write(last.frame);
      last = (Sized) f;
      bytes += last.bytes;
    }
    if (last != null) {
      long written = bytes;
      Object tail = last.frame;
      if (tail instanceof Object[] parts) {
        for (int i = 0; i < parts.length - 1; i++) ctx.write(parts[i], ctx.voidPromise());
        tail = parts[parts.length - 1];
      }
      ctx.writeAndFlush(tail).addListener(done -> pending.addAndGet(-written));
    }
    if (closing) {
      for (Object f; (f = frames.poll()) != null; ) {
        if (f instanceof Sized s) release(s.frame);
      }
      close.run();
    }
  }

  /** A frame, or an array of frames that must go out together (the fragments of one message). */
  private void write(Object frame) {
    if (frame instanceof Object[] parts) {
      for (Object p : parts) ctx.write(p, ctx.voidPromise());
    } else {
      ctx.write(frame, ctx.voidPromise());
    }
  }

  private static void release(Object frame) {
    if (frame instanceof Object[] parts) {
      for (Object p : parts) ReferenceCountUtil.release(p);
    } else {
      ReferenceCountUtil.release(frame);
    }
  }

  private record Sized(Object frame, int bytes) {}
}
