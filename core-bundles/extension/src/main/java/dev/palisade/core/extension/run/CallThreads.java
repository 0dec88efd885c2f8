package dev.palisade.core.extension.run;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads an extension's calls run on, in the host and in a strict extension's child JVM: daemon threads
 * named {@code <prefix><n>}, without a context class loader. Depends on nothing else of the host, so the child
 * loads it alone.
 */
public final class CallThreads {

    private CallThreads() {
    }

    /** @return a factory numbering its threads from 1 after {@code prefix} */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            return thread;
        };
    }
}
