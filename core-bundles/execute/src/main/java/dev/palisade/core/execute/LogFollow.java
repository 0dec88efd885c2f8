package dev.palisade.core.execute;

import java.util.List;

import dev.palisade.core.execute.store.LogLine;
import dev.palisade.protocol.Subscription;

/**
 * An execution's log as a stream reader starts it: the lines so far, then the live lines (the subscription
 * ends when the execution does); the subscription starts exactly after the backlog's last line.
 *
 * @param backlog the lines written so far, in order
 * @param live    the lines written from now on; close it when done
 */
record LogFollow(List<LogLine> backlog, Subscription<LogLine> live) {
}
