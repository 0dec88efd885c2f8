package dev.palisade.core.extension.isolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChildErrorLogTest {

    @Test
    void linesAreLoggedAsTheyCome() throws Exception {
        List<String> logged = new ArrayList<>();
        ChildErrorLog.copy(new StringReader("one\ntwo\nlast without newline"), logged::add);
        assertEquals(List.of("one", "two", "last without newline"), logged);
    }

    /** Regression: a strict extension printing without end of line grew the host's heap line by line. */
    @Test
    void anEndlessLineIsCutAndReadInBoundedMemory() throws Exception {
        List<String> logged = new ArrayList<>();
        ChildErrorLog.copy(endless('x', 50_000_000), logged::add);
        assertEquals(1, logged.size());
        assertEquals("x".repeat(ChildErrorLog.MAX_LINE) + "…", logged.get(0));
    }

    @Test
    void aFloodOfLinesIsCountedNotLogged() throws Exception {
        List<String> logged = new ArrayList<>();
        ChildErrorLog.copy(new StringReader("line\n".repeat(1000)), logged::add);
        assertEquals(ChildErrorLog.MAX_LINES_PER_SECOND + 1, logged.size(), logged.toString());
        assertTrue(logged.get(logged.size() - 1).startsWith("(" + (1000 - ChildErrorLog.MAX_LINES_PER_SECOND)
                + " lines dropped"), logged.get(logged.size() - 1));
    }

    /** @return a reader of {@code count} copies of {@code c} that never holds them all in memory */
    private static Reader endless(char c, long count) {
        return new Reader() {
            private long left = count;

            @Override
            public int read(char[] buf, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(buf, off, off + n, c);
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }
}
