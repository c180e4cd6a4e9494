package io.thingtank.sqs.engine;

import io.thingtank.sqs.model.Delivery;
import io.thingtank.sqs.model.Message;

/** A message handed out by ReceiveMessage: the message, its delivery state after this receive, its handle. */
public record Received(Message message, Delivery delivery, String receiptHandle) {}
