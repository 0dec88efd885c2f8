package dev.palisade.sandbox.permission;

import java.util.Optional;

/**
 * What no extension is ever allowed to do, whatever its descriptor asks for or the operator's
 * policy says. Requesting one of these is an error; code that calls into one of these areas is
 * refused at install and at weave time, and the {@link #id()} labels the refusal.
 */
public enum NeverGranted {
    PROCESS_START("process.start", "starting an operating-system process escapes every other check"),
    JVM_EXIT("jvm.exit", "exiting the JVM stops the host and every other extension"),
    JVM_HALT("jvm.halt", "halting the JVM stops the host and every other extension"),
    JVM_GLOBAL("jvm.global", "changing JVM-wide state (system properties, default locale or time zone, "
            + "standard streams, factories, handlers, security providers) affects the host and every other extension"),
    REFLECTION("reflection", "reflection reaches private state of host objects and bypasses call-site checks"),
    METHOD_HANDLES("method.handles", "method handles and lookups call members the sandbox cannot see at install time"),
    CLASS_LOADER("class.loader", "class loaders and context class loaders lead into the host's classes"),
    CLASS_DEFINE("class.define", "classes defined at run time (hidden classes, proxies, defineClass) are never checked"),
    NATIVE_CODE("native.code", "native code and Unsafe run outside the JVM's safety"),
    DESERIALIZATION("deserialization", "Java deserialization runs code chosen by the data"),
    OSGI_FRAMEWORK("osgi.framework", "the OSGi framework API controls every bundle of the host"),
    THREAD_POOL("thread.pool", "executors, timers, the common pool and parallel streams run code outside the "
            + "invocation's time limit and accounting"),
    JNDI("jndi", "JNDI lookups load remote objects and classes"),
    JDK_INTERNALS("jdk.internals", "JDK-internal APIs are unchecked and can break the JVM"),
    SANDBOX_INTERNALS("sandbox.internals", "the sandbox's own classes hold the grants of every extension"),
    FINALIZER("finalizer", "finalizers run on the JVM's finalizer thread, outside any time limit");

    private final String id;
    private final String why;

    NeverGranted(String id, String why) {
        this.id = id;
        this.why = why;
    }

    /** @return the identifier used in messages and scan reports, e.g. {@code "reflection"} */
    public String id() {
        return id;
    }

    /** @return one sentence saying why this is never granted */
    public String why() {
        return why;
    }

    /** @return the category with that identifier, if any */
    public static Optional<NeverGranted> byId(String id) {
        for (NeverGranted category : values()) {
            if (category.id.equals(id)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
