package dev.palisade.core.extension.isolate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One direction pair of the pipe between the host and a strict extension's child JVM: messages are JSON objects,
 * one per line (UTF-8), each with a {@code type}. Writing is synchronized, so many threads may send; reading is
 * for one thread. The message types are the constants below; {@code docs/EXTENSIONS.md} ("Strict isolation")
 * lists their members.
 */
public final class Pipe {

    /** Host to child, the first line: what to load and under which grants. */
    public static final String START = "start";
    /** Child to host: the entry instance is created; calls may come. */
    public static final String READY = "ready";
    /** Child to host: the entry instance could not be created ({@code code}, {@code detail}). */
    public static final String REFUSED = "refused";
    /** Host to child: call a method ({@code call}, {@code method}, {@code input}, {@code invocation}). */
    public static final String CALL = "call";
    /** Child to host: a call's answer ({@code call}, {@code output}). */
    public static final String RESULT = "result";
    /** Child to host: a call's failure ({@code call}, {@code failure}: the described throwable). */
    public static final String ERROR = "error";
    /** Child to host: a capability used by a running call ({@code call}, {@code id}, {@code op}, {@code args}). */
    public static final String CAPABILITY = "capability";
    /** Host to child: a capability's answer ({@code call}, {@code id}, {@code value} or {@code failure}). */
    public static final String REPLY = "reply";
    /** Child to host: the sandbox denied a woven call ({@code permission}, {@code target}). */
    public static final String VIOLATION = "violation";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MESSAGE = new TypeReference<>() {
    };

    private final BufferedReader in;
    private final OutputStream out;

    /**
     * @param in  where messages arrive
     * @param out where messages go
     */
    public Pipe(InputStream in, OutputStream out) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
    }

    /** @return a message of {@code type}, to add members to */
    public static Map<String, Object> message(String type) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        return message;
    }

    /**
     * Sends one message.
     *
     * @throws UncheckedIOException when the other side is gone
     * @throws IllegalArgumentException when the message holds something JSON cannot write
     */
    public void send(Map<String, Object> message) {
        byte[] line;
        try {
            line = (JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a " + message.get("type") + " message cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
        synchronized (out) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("the other end of the pipe is gone", e);
            }
        }
    }

    /**
     * @return the next message, or {@code null} once the other side closed the pipe
     * @throws IOException when reading fails or a line is not a JSON object with a {@code type}
     */
    public Map<String, Object> receive() throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        Map<String, Object> message;
        try {
            message = line.startsWith("{") ? JSON.readValue(line, MESSAGE) : null;
        } catch (JsonProcessingException e) {
            throw new IOException("a line on the pipe is not a JSON object: " + e.getOriginalMessage(), e);
        }
        if (message == null) {
            throw new NotAMessage(line);
        }
        if (!(message.get("type") instanceof String)) {
            throw new IOException("a message on the pipe has no type");
        }
        return message;
    }

    /**
     * A line that is no message: the JVM itself writes a few to standard output, where no Java code can redirect
     * them ({@code Terminating due to java.lang.OutOfMemoryError} before it exits). The pipe goes on after it.
     */
    public static final class NotAMessage extends IOException {
        private static final long serialVersionUID = 1L;

        NotAMessage(String line) {
            super(line.length() > 2000 ? line.substring(0, 2000) + "…" : line);
        }
    }

    /** Closes the sending side; the other end then reads the end of the pipe. */
    public void close() {
        synchronized (out) {
            try {
                out.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
