package dev.palisade.itests.escape.hostile;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Writes a host object's field through an atomic field updater. */
public final class FieldUpdater extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return AtomicReferenceFieldUpdater.newUpdater(Thread.class, Object.class, "name").get(Thread.currentThread());
    }
}
