package dev.palisade.itests.escape.hostile;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Deserializes bytes chosen by the caller with ObjectInputStream. */
public final class ObjectDeserialization extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        byte[] bytes = java.util.Base64.getDecoder().decode(text(input, "name"));
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
