package dev.palisade.itests.escape.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Misbehaving fixture: allocates 1 MB arrays and keeps every one, without bound. */
public final class AllocationBomb extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) {
        List<byte[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new byte[1 << 20]);
        }
    }
}
