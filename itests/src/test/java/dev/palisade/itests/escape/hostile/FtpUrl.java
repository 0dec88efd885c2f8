package dev.palisade.itests.escape.hostile;

import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Opens ftp://127.0.0.1:"port"/ through URL.openConnection, a protocol no grant names. */
public final class FtpUrl extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (InputStream in = URI.create("ftp://127.0.0.1:" + number(input, "port") + "/escape").toURL().openConnection()
                .getInputStream()) {
            return in.read();
        }
    }
}
