package dev.palisade.core.extension.isolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The JSON-lines pipe on its own: what crosses it, what breaks it and what it tolerates. */
class PipeTest {

    private static Pipe reading(String lines) {
        return new Pipe(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream());
    }

    @Test
    void aMessageCrossesAsOneLineOfJsonAndComesBackEqual() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Map<String, Object> call = Pipe.message(Pipe.CALL);
        call.put("call", 7);
        call.put("input", Map.of("text", "zwei Wörter\nund mehr", "list", List.of(1, true)));
        new Pipe(new ByteArrayInputStream(new byte[0]), written).send(call);

        String line = written.toString(StandardCharsets.UTF_8);
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, line);
        assertEquals(call, reading(line).receive());
    }

    @Test
    void aLineThatIsNoMessageIsReportedAndTheNextMessageStillArrives() throws IOException {
        Pipe pipe = reading("Terminating due to java.lang.OutOfMemoryError: Java heap space\n{\"type\":\"ready\"}\n");

        Pipe.NotAMessage line = assertThrows(Pipe.NotAMessage.class, pipe::receive);
        assertEquals("Terminating due to java.lang.OutOfMemoryError: Java heap space", line.getMessage());
        assertEquals(Map.of("type", "ready"), pipe.receive());
        assertNull(pipe.receive(), "the end of the stream is the end of the pipe");
    }

    @Test
    void aBrokenObjectOrOneWithoutATypeBreaksTheProtocol() {
        IOException broken = assertThrows(IOException.class, () -> reading("{\"type\": \"result\", \"call\"\n").receive());
        assertFalse(broken instanceof Pipe.NotAMessage, "a line that starts as JSON and breaks is no stray line");
        assertTrue(broken.getMessage().startsWith("a line on the pipe is not a JSON object: "), broken.getMessage());

        IOException untyped = assertThrows(IOException.class, () -> reading("{\"call\": 1}\n").receive());
        assertEquals("a message on the pipe has no type", untyped.getMessage());
        IOException numbered = assertThrows(IOException.class, () -> reading("{\"type\": 3}\n").receive());
        assertEquals("a message on the pipe has no type", numbered.getMessage());
    }

    @Test
    void aLongStrayLineIsCutInItsReport() throws IOException {
        Pipe.NotAMessage line = assertThrows(Pipe.NotAMessage.class, () -> reading("x".repeat(5000) + "\n").receive());
        assertEquals("x".repeat(2000) + "…", line.getMessage());
    }

    @Test
    void sendingToAGoneReaderOrSomethingJsonCannotWriteFailsClearly() throws IOException {
        PipedInputStream otherEnd = new PipedInputStream();
        Pipe pipe = new Pipe(new ByteArrayInputStream(new byte[0]), new PipedOutputStream(otherEnd));

        Map<String, Object> odd = Pipe.message(Pipe.RESULT);
        odd.put("output", new Object());
        IllegalArgumentException unwritable = assertThrows(IllegalArgumentException.class, () -> pipe.send(odd));
        assertTrue(unwritable.getMessage().startsWith("a result message cannot be written as JSON: No serializer"
                + " found for class java.lang.Object"), unwritable.getMessage());

        otherEnd.close();
        UncheckedIOException gone = assertThrows(UncheckedIOException.class, () -> pipe.send(Pipe.message(Pipe.READY)));
        assertEquals("the other end of the pipe is gone", gone.getMessage());
        assertInstanceOf(IOException.class, gone.getCause());
        pipe.close(); // closing a broken pipe is quiet
    }
}
