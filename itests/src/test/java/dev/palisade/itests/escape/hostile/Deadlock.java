package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/**
 * Misbehaving fixture: two concurrent calls, one with "order" "ab" and one with "ba", take two
 * monitors in opposite order and deadlock (monitor waits ignore interrupts).
 */
public final class Deadlock extends Attack {

    private static final Object A = new Object();
    private static final Object B = new Object();

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        boolean ab = text(input, "order").equals("ab");
        Object first = ab ? A : B;
        Object second = ab ? B : A;
        synchronized (first) {
            Thread.sleep(300);
            synchronized (second) {
                return "no deadlock";
            }
        }
    }
}
