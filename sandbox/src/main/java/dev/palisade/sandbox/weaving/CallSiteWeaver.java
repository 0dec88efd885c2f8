package dev.palisade.sandbox.weaving;

import dev.palisade.sandbox.scan.ClassInspector;
import dev.palisade.sandbox.scan.GuardCheck;
import dev.palisade.sandbox.scan.MemberRules;
import dev.palisade.sandbox.scan.ScanRow;
import dev.palisade.sandbox.scan.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites one extension class: before every guarded JDK call it inserts the guard checks the
 * member rules name, each a static call into {@code dev.palisade.sandbox.guard} with the call's
 * relevant arguments and the extension id fixed as a constant; the call itself stays as it was.
 * A call whose rule is a {@code replace} rule is instead replaced by a static call of its guard with
 * the receiver, the same arguments and the extension id, so the guard makes the call itself (for
 * example with HTTP redirects checked hop by hop). A class with any forbidden site is refused whole.
 *
 * <p>Arguments are copied to fresh local variables and reloaded, so the operand stack below them
 * (including the uninitialised object of a constructor call) is untouched and existing stack map
 * frames stay valid; the class is written with {@link ClassWriter#COMPUTE_MAXS} and no class is
 * loaded. Thread-safe.
 */
public final class CallSiteWeaver {

    private static final String GUARD_OWNER_PREFIX = MemberRules.GUARD_PACKAGE;

    private final MemberRules rules;

    /** Weaves with the sandbox's {@linkplain MemberRules#defaults() default rules}. */
    public CallSiteWeaver() {
        this(MemberRules.defaults());
    }

    /** @param rules the member rules that say which calls are guarded and how */
    public CallSiteWeaver(MemberRules rules) {
        this.rules = rules;
    }

    /**
     * @param classFile   the class as defined by the extension
     * @param extensionId the id passed to every guard
     * @param ownType     whether an internal class name belongs to the extension itself (asked only
     *                    for names under the sandbox's or the framework's packages)
     * @return the woven class, or {@code null} when the class has no guarded call
     * @throws ForbiddenCodeException if the class has a forbidden site
     * @throws IllegalStateException  if a rule names a guard that does not exist (a sandbox bug;
     *                                the class must not load)
     */
    public byte[] weave(byte[] classFile, String extensionId, Predicate<String> ownType) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        List<Site> sites = new ClassInspector(rules, ownType).inspect(node);
        List<ScanRow> forbidden = new ArrayList<>();
        List<Site> guarded = new ArrayList<>();
        for (Site site : sites) {
            if (site.verdict().isForbidden()) {
                forbidden.add(ScanRow.of(site));
            } else if (site.verdict().isGuarded() && site.instruction() instanceof MethodInsnNode) {
                guarded.add(site);
            } else {
                throw new IllegalStateException("cannot guard " + site.member() + " in " + node.name);
            }
        }
        if (!forbidden.isEmpty()) {
            throw new ForbiddenCodeException(extensionId, node.name.replace('/', '.'), forbidden);
        }
        if (guarded.isEmpty()) {
            return null;
        }
        for (Site site : guarded) {
            List<GuardCheck> checks = site.verdict().checks();
            MethodInsnNode call = (MethodInsnNode) site.instruction();
            if (checks.size() == 1 && checks.get(0).replacesCall()) {
                replaceCall(site.method(), call, checks.get(0), extensionId);
            } else {
                insertChecks(site.method(), call, checks, extensionId);
            }
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }

    /**
     * @param check          the check
     * @param owner          internal name of the guarded call's owner
     * @param callDescriptor the guarded call's method descriptor
     * @param hasReceiver    whether the call has a receiver (not static, not a constructor)
     * @return the descriptor of the guard method a check calls: for a check before the call, the types
     *         of the arguments it takes (the call owner's type for the receiver), then the extension id,
     *         returning nothing; for a guard that replaces the call, the receiver's type if any, the
     *         call's argument types and the extension id, returning what the call returns
     * @throws IllegalStateException if the check names an argument the call does not have
     */
    static String checkDescriptor(GuardCheck check, String owner, String callDescriptor, boolean hasReceiver) {
        Type[] arguments = Type.getArgumentTypes(callDescriptor);
        StringBuilder descriptor = new StringBuilder("(");
        if (check.replacesCall()) {
            if (hasReceiver) {
                descriptor.append('L').append(owner).append(';');
            }
            for (Type argument : arguments) {
                descriptor.append(argument.getDescriptor());
            }
            return descriptor.append("Ljava/lang/String;)").append(Type.getReturnType(callDescriptor).getDescriptor())
                    .toString();
        }
        for (int index : check.arguments()) {
            if (index == GuardCheck.RECEIVER) {
                descriptor.append('L').append(owner).append(';');
            } else if (index < arguments.length) {
                descriptor.append(arguments[index].getDescriptor());
            } else {
                throw new IllegalStateException("a guard of " + owner + " asks for argument " + index + " of "
                        + arguments.length);
            }
        }
        return descriptor.append("Ljava/lang/String;)V").toString();
    }

    private static void replaceCall(MethodNode method, MethodInsnNode call, GuardCheck check, String extensionId) {
        if (call.name.equals("<init>")) {
            throw new IllegalStateException("a guard cannot replace the constructor " + call.owner + "." + call.desc);
        }
        String descriptor = checkDescriptor(check, call.owner, call.desc, call.getOpcode() != Opcodes.INVOKESTATIC);
        requireGuard(check, descriptor, call);
        method.instructions.insertBefore(call, new LdcInsnNode(extensionId));
        method.instructions.set(call, new MethodInsnNode(Opcodes.INVOKESTATIC, GUARD_OWNER_PREFIX + check.guardClass(),
                check.method(), descriptor, false));
    }

    private static void requireGuard(GuardCheck check, String descriptor, MethodInsnNode call) {
        if (!GuardMethods.exists(check.guardClass(), check.method(), descriptor)) {
            throw new IllegalStateException("no guard " + check.guardClass() + "." + check.method() + descriptor
                    + " for " + call.owner + "." + call.name + call.desc);
        }
    }

    private static void insertChecks(MethodNode method, MethodInsnNode call, List<GuardCheck> checks,
                                     String extensionId) {
        Type[] arguments = Type.getArgumentTypes(call.desc);
        boolean constructor = call.name.equals("<init>");
        boolean receiver = checks.stream().anyMatch(GuardCheck::usesReceiver);
        if (receiver && (constructor || call.getOpcode() == Opcodes.INVOKESTATIC)) {
            throw new IllegalStateException("a guard of " + call.owner + "." + call.name + call.desc
                    + " asks for a receiver the call does not have");
        }
        boolean spill = checks.stream().anyMatch(check -> !check.arguments().isEmpty());
        int[] slots = new int[arguments.length];
        int next = method.maxLocals;
        for (int i = 0; i < arguments.length; i++) {
            slots[i] = next;
            next += arguments[i].getSize();
        }
        int receiverSlot = next;
        if (receiver) {
            next++;
        }
        InsnList code = new InsnList();
        if (spill) {
            for (int i = arguments.length - 1; i >= 0; i--) {
                code.add(new VarInsnNode(arguments[i].getOpcode(Opcodes.ISTORE), slots[i]));
            }
            if (receiver) {
                code.add(new VarInsnNode(Opcodes.ASTORE, receiverSlot));
            }
        }
        for (GuardCheck check : checks) {
            if (check.replacesCall()) {
                throw new IllegalStateException("a guard that replaces " + call.owner + "." + call.name + call.desc
                        + " cannot be combined with other checks");
            }
            String descriptor = checkDescriptor(check, call.owner, call.desc, !constructor
                    && call.getOpcode() != Opcodes.INVOKESTATIC);
            requireGuard(check, descriptor, call);
            for (int index : check.arguments()) {
                code.add(index == GuardCheck.RECEIVER ? new VarInsnNode(Opcodes.ALOAD, receiverSlot)
                        : new VarInsnNode(arguments[index].getOpcode(Opcodes.ILOAD), slots[index]));
            }
            code.add(new LdcInsnNode(extensionId));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, GUARD_OWNER_PREFIX + check.guardClass(), check.method(),
                    descriptor, false));
        }
        if (spill) {
            if (receiver) {
                code.add(new VarInsnNode(Opcodes.ALOAD, receiverSlot));
            }
            for (int i = 0; i < arguments.length; i++) {
                code.add(new VarInsnNode(arguments[i].getOpcode(Opcodes.ILOAD), slots[i]));
            }
            method.maxLocals = Math.max(method.maxLocals, next);
        }
        method.instructions.insertBefore(call, code);
    }
}
