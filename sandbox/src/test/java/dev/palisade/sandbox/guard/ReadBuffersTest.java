package dev.palisade.sandbox.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shared read buffers are bounded: once all are taken there is none until one is given back. */
class ReadBuffersTest {

    @Test
    void boundedAndReusable() {
        List<ByteBuffer> taken = new ArrayList<>();
        for (ByteBuffer buffer = ReadBuffers.take(); buffer != null; buffer = ReadBuffers.take()) {
            assertEquals(ReadBuffers.CAPACITY + 1, buffer.capacity());
            buffer.put((byte) 1);
            taken.add(buffer);
        }
        assertEquals(8, taken.size());
        assertNull(ReadBuffers.take());
        taken.forEach(ReadBuffers::give);
        ByteBuffer again = ReadBuffers.take();
        assertNotNull(again);
        assertEquals(0, again.position(), "a buffer comes back cleared");
        ReadBuffers.give(again);
    }
}
