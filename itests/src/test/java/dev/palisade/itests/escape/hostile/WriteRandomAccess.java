package dev.palisade.itests.escape.hostile;

import java.io.RandomAccessFile;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Opens the file named by "path" read-write with RandomAccessFile and writes to it. */
public final class WriteRandomAccess extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(text(input, "path"), "rw")) {
            file.writeBytes("owned");
            return file.length();
        }
    }
}
