package dev.palisade.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves a {@link Subscription} as {@code text/event-stream} (server-sent events) on the request's own
 * thread: each event is one {@code event:}/{@code data:} block of one-line JSON, a comment line keeps
 * idle connections open, and an {@code event: dropped} block tells a slow client how many events it
 * missed. Returns when the client goes away, the subscription finishes, or {@code maxEvents} were sent.
 */
public final class SseStream {

    /** The media type of the stream. */
    public static final String MEDIA_TYPE = "text/event-stream";

    private final HttpServletResponse response;
    private final OutputStream out;

    private SseStream(HttpServletResponse response) throws IOException {
        this.response = response;
        response.setStatus(200);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        this.out = response.getOutputStream();
    }

    /** Starts the stream: status 200 and the event-stream headers are sent at once. */
    public static SseStream open(HttpServletResponse response) throws IOException {
        SseStream stream = new SseStream(response);
        stream.out.write(": stream open\n\n".getBytes(StandardCharsets.UTF_8));
        stream.response.flushBuffer();
        return stream;
    }

    /**
     * Sends one event.
     *
     * @param name the event's name ({@code span}, {@code log})
     * @param data a JSON value (tree or plain values)
     * @throws IOException when the client went away
     */
    public void send(String name, Object data) throws IOException {
        String block = "event: " + name + "\ndata: " + JsonColumns.text(data) + "\n\n";
        out.write(block.getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    /**
     * Sends the subscription's events until it finishes, the client goes away, the thread is interrupted or
     * {@code maxEvents} were sent.
     *
     * @param name      the events' name
     * @param toJson    turns an event into its JSON value
     * @param heartbeat how long the stream may stay silent before a comment line is sent
     * @param maxEvents the most events to send (then the stream ends); {@code Long.MAX_VALUE} for no limit
     * @return the number of events sent
     */
    public <T> long pump(Subscription<T> subscription, String name, Function<? super T, ?> toJson,
            Duration heartbeat, long maxEvents) {
        long sent = 0;
        try {
            while (sent < maxEvents && !subscription.finished()) {
                Optional<T> next = subscription.next(heartbeat);
                long dropped = subscription.takeDropped();
                if (dropped > 0) {
                    send("dropped", java.util.Map.of("dropped", dropped));
                }
                if (next.isPresent()) {
                    send(name, toJson.apply(next.get()));
                    sent++;
                } else {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    response.flushBuffer();
                }
            }
        } catch (IOException e) {
            // the client went away: the stream simply ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return sent;
    }
}
