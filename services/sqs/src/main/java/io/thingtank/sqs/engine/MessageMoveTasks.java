package io.thingtank.sqs.engine;

import io.thingtank.aws.AwsError;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.model.Queue;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dead-letter queue redrive (SQS Developer Guide, "Configure a dead-letter queue redrive"):
 * moves the visible messages of a dead-letter queue back to the queues they came from, or to a
 * given destination, at most {@code maxPerSecond} a second, one task per source at a time.
 * Tasks live in memory (a restart ends them; moved messages stay moved). Runs its steps on the
 * Vert.x context that started it.
 */
public final class MessageMoveTasks {
  private static final int STEP = 10;

  private final Vertx vertx;
  private final Queues queues;
  private final Map<String, List<Task>> bySource = new ConcurrentHashMap<>();
  private final Map<String, Task> byHandle = new ConcurrentHashMap<>();

  private static final class Task {
    final String handle;
    final Queue source;
    final Queue destination;
    final Integer maxPerSecond;
    final long toMove;
    final long started;
    volatile String status = "RUNNING";
    volatile long moved;
    volatile String failure;

    Task(String handle, Queue source, Queue destination, Integer maxPerSecond, long toMove, long started) {
      this.handle = handle;
      this.source = source;
      this.destination = destination;
      this.maxPerSecond = maxPerSecond;
      this.toMove = toMove;
      this.started = started;
    }

    MoveTask snapshot() {
      return new MoveTask(handle, status, source.arn(), destination == null ? null : destination.arn(), maxPerSecond,
          moved, toMove, failure, started);
    }
  }

  public MessageMoveTasks(Vertx vertx, Queues queues) {
    this.vertx = vertx;
    this.queues = queues;
  }

  public Future<String> start(Queue source, Queue destination, Integer maxPerSecond) {
    if (queues.deadLetterSources(source).isEmpty()) {
      return Future.failedFuture(SqsErrors.invalidParameterValue("Source queue must be configured as a Dead Letter Queue."));
    }
    if (maxPerSecond != null && (maxPerSecond < 1 || maxPerSecond > 500)) {
      return Future.failedFuture(SqsErrors.invalidParameter("MaxNumberOfMessagesPerSecond", maxPerSecond,
          "Must be between 1 and 500."));
    }
    List<Task> tasks = bySource.computeIfAbsent(source.arn(), k -> new ArrayList<>());
    synchronized (tasks) {
      if (tasks.stream().anyMatch(t -> t.status.equals("RUNNING") || t.status.equals("CANCELLING"))) {
        return Future.failedFuture(SqsErrors.unsupportedOperation(
            "There is already a task running. Only one active task is allowed for a source queue arn at a given time."));
      }
    }
    return queues.counts(source).map(counts -> {
      String handle = Base64.getEncoder().encodeToString((queues.now() + ":" + source.arn() + ":"
          + Long.toHexString(System.nanoTime())).getBytes(StandardCharsets.UTF_8));
      Task t = new Task(handle, source, destination, maxPerSecond, counts.visible(), queues.now());
      synchronized (tasks) {
        tasks.addFirst(t);
        if (tasks.size() > 10) tasks.removeLast();
      }
      byHandle.put(handle, t);
      step(t);
      return handle;
    });
  }

  /** CancelMessageMoveTask: the number moved so far. */
  public long cancel(String handle) {
    Task t = byHandle.get(handle);
    if (t == null) throw SqsErrors.resourceNotFound("Task does not exist.");
    if (!t.status.equals("RUNNING")) {
      throw SqsErrors.invalidParameterValue("Only active tasks can be cancelled. Task status is " + t.status + ".");
    }
    t.status = "CANCELLING";
    return t.moved;
  }

  /** The most recent tasks of a source queue, newest first. */
  public List<MoveTask> list(Queue source, int max) {
    List<Task> tasks = bySource.getOrDefault(source.arn(), List.of());
    synchronized (tasks) {
      return tasks.stream().limit(max).map(Task::snapshot).toList();
    }
  }

  private void step(Task t) {
    if (t.status.equals("CANCELLING")) {
      t.status = "CANCELLED";
      return;
    }
    int step = t.maxPerSecond == null ? STEP : Math.min(STEP, t.maxPerSecond);
    int batch = (int) Math.min(step, t.toMove - t.moved);
    if (batch <= 0) {
      t.status = "COMPLETED";
      return;
    }
    queues.move(t.source, t.destination, batch).onComplete(r -> {
      if (r.failed()) {
        t.status = "FAILED";
        t.failure = AwsError.from(r.cause()).getMessage();
        return;
      }
      t.moved += r.result();
      if (r.result() == 0) {
        t.status = t.status.equals("CANCELLING") ? "CANCELLED" : "COMPLETED";
        return;
      }
      long pause = t.maxPerSecond == null ? 0 : r.result() * 1000L / t.maxPerSecond;
      if (pause <= 0) {
        vertx.runOnContext(v -> step(t));
      } else {
        vertx.setTimer(pause, id -> step(t));
      }
    });
  }
}
