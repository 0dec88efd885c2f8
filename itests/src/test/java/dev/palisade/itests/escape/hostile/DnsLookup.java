package dev.palisade.itests.escape.hostile;

import java.net.InetAddress;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Resolves the host name "name" with InetAddress.getByName. */
public final class DnsLookup extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return InetAddress.getByName(text(input, "name")).getHostAddress();
    }
}
