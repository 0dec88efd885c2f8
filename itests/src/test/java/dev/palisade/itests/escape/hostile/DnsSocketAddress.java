package dev.palisade.itests.escape.hostile;

import java.net.InetSocketAddress;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Resolves the host name "name" by creating an InetSocketAddress. */
public final class DnsSocketAddress extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return new InetSocketAddress(text(input, "name"), 443).isUnresolved();
    }
}
