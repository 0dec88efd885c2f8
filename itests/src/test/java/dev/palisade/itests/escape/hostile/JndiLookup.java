package dev.palisade.itests.escape.hostile;

import java.util.Map;

import javax.naming.InitialContext;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Looks up an LDAP name at the test's loopback listener through JNDI. */
public final class JndiLookup extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return new InitialContext().lookup("ldap://127.0.0.1:" + number(input, "port") + "/cn=escape");
    }
}
