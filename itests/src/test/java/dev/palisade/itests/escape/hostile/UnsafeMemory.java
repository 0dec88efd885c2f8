package dev.palisade.itests.escape.hostile;

import java.lang.reflect.Field;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;
import sun.misc.Unsafe;

/** Hostile fixture: Takes sun.misc.Unsafe through its theUnsafe field and reads raw memory. */
public final class UnsafeMemory extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        Field field = Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        Unsafe unsafe = (Unsafe) field.get(null);
        return unsafe.getLong(unsafe.allocateMemory(8));
    }
}
