package dev.palisade.core.extension.isolate;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadFactory;

import dev.palisade.api.extension.InvocationContext;
import dev.palisade.api.extension.Plugin;
import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.core.extension.deploy.Reasons;
import dev.palisade.core.extension.invoke.CallContext;
import dev.palisade.core.extension.invoke.ExtensionFailure;
import dev.palisade.core.extension.invoke.OutputCopy;
import dev.palisade.core.extension.run.CallThreads;
import dev.palisade.sandbox.isolate.WovenJarLoader;
import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.permission.Permission;
import dev.palisade.sandbox.policy.DecisionPoint;
import dev.palisade.sandbox.policy.SandboxPolicy;
import dev.palisade.sandbox.weaving.CallSiteWeaver;

/**
 * A strict extension inside its child JVM: the decision point installed with the grants the host passed (each
 * denial also told to the host, which counts and audits it as its own), the jar loaded by a
 * {@link WovenJarLoader}, the entry instance created, and each {@link Pipe#CALL} answered with a
 * {@link Pipe#RESULT} (the output copied by {@link OutputCopy}) or a {@link Pipe#ERROR} (the throwable described
 * by {@link ExtensionFailure}), exactly as the host would answer an in-process call. Thread-safe.
 */
final class ChildExtension {

    private final Pipe pipe;
    private final String id;
    private final String name;
    private final String version;
    private final ClassLoader loader;
    private final Plugin plugin;
    private final ConcurrentMap<Long, RemoteCapabilities> running = new ConcurrentHashMap<>();

    private ChildExtension(Pipe pipe, Map<String, Object> start, ClassLoader loader, Plugin plugin) {
        this.pipe = pipe;
        this.id = (String) start.get("extension");
        this.name = (String) start.get("name");
        this.version = (String) start.get("version");
        this.loader = loader;
        this.plugin = plugin;
    }

    /**
     * Installs the grants, loads and creates the extension, and tells the host {@link Pipe#READY} or
     * {@link Pipe#REFUSED} (with a deployment reason code and what to do).
     *
     * @return the extension, or {@code null} when it was refused
     */
    static ChildExtension create(Map<String, Object> start, Pipe pipe) {
        String id = (String) start.get("extension");
        Grants grants = Grants.of(Path.of((String) start.get("dataFolder")), permissions(start.get("grants")));
        DecisionPoint.install(new SandboxPolicy() {
            @Override
            public Grants grantsFor(String extensionId) {
                return id.equals(extensionId) ? grants : Grants.none();
            }

            @Override
            public void violated(SandboxViolation violation) {
                Map<String, Object> told = Pipe.message(Pipe.VIOLATION);
                told.put("permission", violation.permission());
                told.put("target", violation.target());
                pipe.send(told);
            }
        });
        String entryPoint = (String) start.get("entry");
        String label = start.get("name") + " " + start.get("version");
        WovenJarLoader loader = new WovenJarLoader(Path.of((String) start.get("jar")), id, new CallSiteWeaver(),
                ChildExtension.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Plugin plugin = (Plugin) entryConstructor(loader, entryPoint, label).newInstance();
            pipe.send(Pipe.message(Pipe.READY));
            return new ChildExtension(pipe, start, loader, plugin);
        } catch (Refusal e) {
            refuse(pipe, e.code, e.getMessage());
        } catch (InvocationTargetException | ExceptionInInitializerError e) {
            refuse(pipe, Reasons.CONSTRUCTOR_FAILED, "the constructor (or static initializer) of entry class "
                    + entryPoint + " of " + label + " threw " + describe(e.getCause() == null ? e : e.getCause())
                    + " in its strict child JVM; fix it so that it completes without error");
        } catch (ReflectiveOperationException | LinkageError e) {
            refuse(pipe, Reasons.NOT_INSTANTIABLE, "entry class " + entryPoint + " of " + label
                    + " cannot be instantiated in its strict child JVM: " + describe(e));
        } finally {
            Thread.currentThread().setContextClassLoader(null);
        }
        return null;
    }

    private static Constructor<?> entryConstructor(ClassLoader loader, String entryPoint, String label) {
        Class<?> type;
        try {
            type = Class.forName(entryPoint, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new Refusal(Reasons.ENTRY_CLASS_MISSING, "entry class " + entryPoint + " of " + label + " cannot be"
                    + " loaded in its strict child JVM: " + describe(e) + "; package every class it needs inside"
                    + " the jar");
        }
        if (!Plugin.class.isAssignableFrom(type) || !Modifier.isPublic(type.getModifiers())
                || Modifier.isAbstract(type.getModifiers())) {
            throw new Refusal(Reasons.NOT_INSTANTIABLE, "entry class " + entryPoint + " of " + label + " is not a"
                    + " public concrete class implementing " + Plugin.class.getName() + "; a strict extension must"
                    + " be a plugin");
        }
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new Refusal(Reasons.NOT_INSTANTIABLE, "entry class " + entryPoint + " of " + label
                    + " has no public no-argument constructor; add one");
        }
    }

    private static void refuse(Pipe pipe, String code, String detail) {
        Map<String, Object> refused = Pipe.message(Pipe.REFUSED);
        refused.put("code", code);
        refused.put("detail", detail);
        pipe.send(refused);
    }

    private static String describe(Throwable thrown) {
        ExtensionFailure failure = ExtensionFailure.describe(thrown);
        Map<String, Object> json = failure.toJson();
        return json.get("class") + ": " + json.get("detail");
    }

    private static List<Permission> permissions(Object granted) {
        List<Permission> permissions = new ArrayList<>();
        for (Object each : (List<?>) granted) {
            Map<?, ?> permission = (Map<?, ?>) each;
            Object target = permission.get("target");
            permissions.add(Permission.parse(String.valueOf(permission.get("permission")),
                    target == null ? null : target.toString()));
        }
        return permissions;
    }

    /** @return threads for calls, named after the extension, without a context class loader */
    ThreadFactory threads() {
        return CallThreads.named("palisade-ext-" + name + "-");
    }

    /** Runs one {@link Pipe#CALL} on the current thread and sends its answer. */
    @SuppressWarnings("unchecked")
    void call(Map<String, Object> message) {
        long call = ((Number) message.get("call")).longValue();
        RemoteCapabilities capabilities = new RemoteCapabilities(pipe, call, id);
        running.put(call, capabilities);
        String method = (String) message.get("method");
        InvocationContext context = new CallContext(id, name, version, method, (String) message.get("invocation"),
                capabilities);
        Map<String, Object> answer;
        Thread thread = Thread.currentThread();
        thread.setContextClassLoader(loader);
        try {
            Object output = OutputCopy.copy(plugin.invoke(method, (Map<String, Object>) message.get("input"),
                    context));
            answer = Pipe.message(Pipe.RESULT);
            answer.put("output", output);
        } catch (OutputCopy.NotJson e) {
            answer = failed(ExtensionFailure.outputNotJson(e));
        } catch (Throwable e) {
            answer = failed(ExtensionFailure.describe(e));
        } finally {
            thread.setContextClassLoader(null);
            running.remove(call);
            capabilities.close();
        }
        answer.put("call", call);
        pipe.send(answer);
    }

    private static Map<String, Object> failed(ExtensionFailure failure) {
        Map<String, Object> answer = Pipe.message(Pipe.ERROR);
        answer.put("failure", failure.toJson());
        return answer;
    }

    /** Hands a capability {@link Pipe#REPLY} to the call waiting for it. */
    void reply(Map<String, Object> message) {
        RemoteCapabilities capabilities = running.get(((Number) message.get("call")).longValue());
        if (capabilities != null) {
            capabilities.reply(message);
        }
    }

    /** Why the extension cannot be created: a deployment reason code and what to do. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String code;

        Refusal(String code, String detail) {
            super(detail, null, false, false);
            this.code = code;
        }
    }
}
