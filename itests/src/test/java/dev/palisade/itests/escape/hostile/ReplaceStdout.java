package dev.palisade.itests.escape.hostile;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Replaces System.out, silencing (or capturing) the host's console. */
public final class ReplaceStdout extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        return "stdout replaced";
    }
}
