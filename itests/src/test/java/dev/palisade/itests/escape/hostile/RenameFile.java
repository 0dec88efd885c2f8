package dev.palisade.itests.escape.hostile;

import java.io.File;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Moves the file named by "path" to "to" with File.renameTo. */
public final class RenameFile extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return new File(text(input, "path")).renameTo(new File(text(input, "to")));
    }
}
