package dev.palisade.sandbox.guard;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A few direct buffers, shared by all threads, that let {@link FileOpens#readAllBytes} read a small file and see
 * its end in one system call (a read of one byte more than the file's size that returns the size). Bounded:
 * at most {@value #COUNT} buffers of {@value #CAPACITY} bytes exist; when all are in use the caller reads without
 * one. Lock-free and thread-safe.
 */
final class ReadBuffers {

    /** Files smaller than this are read into a buffer (it holds their bytes and one more). */
    static final int CAPACITY = 16 * 1024;
    private static final int COUNT = 8;
    private static final AtomicReferenceArray<ByteBuffer> FREE = new AtomicReferenceArray<>(COUNT);

    static {
        for (int i = 0; i < COUNT; i++) {
            FREE.set(i, ByteBuffer.allocateDirect(CAPACITY + 1));
        }
    }

    private ReadBuffers() {
    }

    /** @return a cleared buffer to {@link #give} back, or {@code null} when all are in use */
    static ByteBuffer take() {
        int start = Math.floorMod(System.identityHashCode(Thread.currentThread()), COUNT);
        for (int i = 0; i < COUNT; i++) {
            int slot = (start + i) % COUNT;
            ByteBuffer buffer = FREE.get(slot);
            if (buffer != null && FREE.compareAndSet(slot, buffer, null)) {
                return buffer.clear();
            }
        }
        return null;
    }

    /** Returns a buffer {@link #take} handed out. */
    static void give(ByteBuffer buffer) {
        for (int i = 0; i < COUNT; i++) {
            if (FREE.compareAndSet(i, null, buffer)) {
                return;
            }
        }
    }
}
