package dev.palisade.core.extension.isolate;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The main class of a strict extension's child JVM. The host writes the {@link Pipe#START} message first; this
 * class takes the process's standard output for the pipe (what the extension or the JDK prints goes to standard
 * error, which the host logs), creates the extension ({@link ChildExtension}) and then serves the calls on a
 * pool of the host's thread count, while this thread keeps reading (capability replies reach the waiting calls).
 * The child ends when the host closes its side of the pipe.
 */
public final class ChildMain {

    private ChildMain() {
    }

    /** @param args none; everything comes through the pipe */
    public static void main(String[] args) {
        PrintStream protocolOut = System.out;
        InputStream protocolIn = System.in;
        System.setOut(System.err);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Pipe pipe = new Pipe(protocolIn, protocolOut);
        try {
            Map<String, Object> start = pipe.receive();
            if (start == null || !Pipe.START.equals(start.get("type"))) {
                System.err.println("palisade child: the host sent no start message; exiting");
                System.exit(2);
            }
            ChildExtension extension = ChildExtension.create(start, pipe);
            if (extension == null) {
                System.exit(0); // refused; the host was told why
            }
            ExecutorService calls = Executors.newFixedThreadPool(((Number) start.get("threads")).intValue(),
                    extension.threads());
            for (Map<String, Object> message = pipe.receive(); message != null; message = pipe.receive()) {
                Map<String, Object> received = message;
                if (Pipe.CALL.equals(received.get("type"))) {
                    calls.execute(() -> extension.call(received));
                } else if (Pipe.REPLY.equals(received.get("type"))) {
                    extension.reply(received);
                }
            }
        } catch (Throwable e) {
            System.err.println("palisade child: " + e);
            System.exit(1);
        }
        System.exit(0);
    }
}
