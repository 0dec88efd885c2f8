package dev.palisade.sandbox.scan;

import dev.palisade.sandbox.permission.NeverGranted;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Finds the sites of one class the sandbox cares about: every call, field access and method handle
 * that is guarded or forbidden, every invokedynamic bootstrap that is not one javac emits, a JDK
 * superclass that may not be extended, a finalizer, and every mention of a type that is off limits
 * (the sandbox's own packages, OSGi). Works on the class's bytes only and never loads a class.
 * Thread-safe.
 */
public final class ClassInspector {

    private final MemberRules rules;
    private final Predicate<String> ownType;

    /**
     * @param rules   the member rules to classify references with
     * @param ownType tells whether an internal class name is one of the extension's own classes
     *                (in its jar); asked only for names under an off-limits prefix, may read the jar
     */
    public ClassInspector(MemberRules rules, Predicate<String> ownType) {
        this.rules = rules;
        this.ownType = ownType;
    }

    /**
     * @param node a class read with line numbers (do not skip debug information)
     * @return its guarded and forbidden sites, in class order; allowed references are not listed
     */
    public List<Site> inspect(ClassNode node) {
        List<Site> sites = new ArrayList<>();
        if (node.name.startsWith(MemberRules.GUARD_PACKAGE)) {
            sites.add(new Site(node.name, null, null, 0, Site.Kind.DECLARATION, MemberRef.type(node.name),
                    Verdict.forbidden(NeverGranted.SANDBOX_INTERNALS.id())));
        }
        inspectHeader(node, sites);
        for (MethodNode method : node.methods) {
            inspectMethod(node.name, method, sites);
        }
        return sites;
    }

    private void inspectHeader(ClassNode node, List<Site> sites) {
        if (node.superName != null) {
            Verdict verdict = rules.classifySuperclass(node.superName);
            if (!verdict.isAllowed()) {
                sites.add(new Site(node.name, null, null, 0, Site.Kind.SUPERCLASS, MemberRef.type(node.superName), verdict));
            }
        }
        Set<String> types = new LinkedHashSet<>();
        if (node.superName != null) {
            types.add(node.superName);
        }
        types.addAll(node.interfaces);
        for (FieldNode field : node.fields) {
            addDescriptorTypes(field.desc, types);
        }
        for (MethodNode method : node.methods) {
            addDescriptorTypes(method.desc, types);
            if (method.name.equals("finalize") && method.desc.equals("()V")
                    && (method.access & Opcodes.ACC_STATIC) == 0) {
                sites.add(new Site(node.name, method, null, firstLine(method), Site.Kind.DECLARATION,
                        new MemberRef(node.name, method.name, method.desc),
                        Verdict.forbidden(NeverGranted.FINALIZER.id())));
            }
        }
        for (String type : types) {
            addOffLimitsType(node.name, null, null, 0, type, sites);
        }
    }

    private void inspectMethod(String owner, MethodNode method, List<Site> sites) {
        int line = 0;
        for (TryCatchBlockNode handler : method.tryCatchBlocks) {
            if (handler.type != null) {
                addOffLimitsType(owner, method, null, firstLine(method), handler.type, sites);
            }
        }
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode number) {
                line = number.line;
            } else if (insn instanceof MethodInsnNode call) {
                addMember(owner, method, insn, line, Site.Kind.CALL, new MemberRef(call.owner, call.name, call.desc), sites);
                addDescriptorOffLimits(owner, method, insn, line, call.desc, sites);
            } else if (insn instanceof FieldInsnNode field) {
                addMember(owner, method, insn, line, Site.Kind.FIELD, new MemberRef(field.owner, field.name, field.desc), sites);
                addDescriptorOffLimits(owner, method, insn, line, field.desc, sites);
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                inspectBootstrap(owner, method, insn, line, indy.bsm, indy.bsmArgs, sites);
                addDescriptorOffLimits(owner, method, insn, line, indy.desc, sites);
            } else if (insn instanceof LdcInsnNode ldc) {
                inspectConstant(owner, method, insn, line, ldc.cst, sites);
            } else if (insn instanceof TypeInsnNode type) {
                addDescriptorOffLimits(owner, method, insn, line,
                        type.desc.startsWith("[") ? type.desc : "L" + type.desc + ";", sites);
            } else if (insn instanceof MultiANewArrayInsnNode array) {
                addDescriptorOffLimits(owner, method, insn, line, array.desc, sites);
            }
        }
    }

    private void inspectBootstrap(String owner, MethodNode method, AbstractInsnNode insn, int line, Handle bootstrap,
                                  Object[] arguments, List<Site> sites) {
        MemberRef ref = handleRef(bootstrap);
        if (!rules.isAllowedBootstrap(ref)) {
            sites.add(new Site(owner, method, insn, line, Site.Kind.BOOTSTRAP, ref,
                    Verdict.forbidden(NeverGranted.METHOD_HANDLES.id())));
        }
        for (Object argument : arguments) {
            inspectConstant(owner, method, insn, line, argument, sites);
        }
    }

    private void inspectConstant(String owner, MethodNode method, AbstractInsnNode insn, int line, Object constant,
                                 List<Site> sites) {
        if (constant instanceof Handle handle) {
            MemberRef ref = handleRef(handle);
            Verdict verdict = classify(owner, ref);
            if (verdict.isGuarded()) {
                verdict = Verdict.forbidden(Verdict.METHOD_REFERENCE);
            } else if (insn instanceof LdcInsnNode && verdict.isAllowed() && MemberRules.isJdk(ref.owner())) {
                verdict = Verdict.forbidden(NeverGranted.METHOD_HANDLES.id());
            }
            if (!verdict.isAllowed()) {
                sites.add(new Site(owner, method, insn, line, Site.Kind.METHOD_HANDLE, ref, verdict));
            }
            addDescriptorOffLimits(owner, method, insn, line, handle.getDesc(), sites);
            addOffLimitsType(owner, method, insn, line, handle.getOwner(), sites);
        } else if (constant instanceof ConstantDynamic dynamic) {
            inspectBootstrap(owner, method, insn, line, dynamic.getBootstrapMethod(), bootstrapArguments(dynamic), sites);
        } else if (constant instanceof Type type) {
            if (type.getSort() == Type.METHOD && insn instanceof LdcInsnNode) {
                sites.add(new Site(owner, method, insn, line, Site.Kind.METHOD_HANDLE,
                        new MemberRef("java/lang/invoke/MethodType", "", type.getDescriptor()),
                        Verdict.forbidden(NeverGranted.METHOD_HANDLES.id())));
            }
            addDescriptorOffLimits(owner, method, insn, line, type.getDescriptor(), sites);
        }
    }

    private static Object[] bootstrapArguments(ConstantDynamic dynamic) {
        Object[] arguments = new Object[dynamic.getBootstrapMethodArgumentCount()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = dynamic.getBootstrapMethodArgument(i);
        }
        return arguments;
    }

    private void addMember(String owner, MethodNode method, AbstractInsnNode insn, int line, Site.Kind kind,
                           MemberRef ref, List<Site> sites) {
        Verdict verdict = classify(owner, ref);
        if (kind == Site.Kind.FIELD && verdict.isGuarded()) {
            verdict = Verdict.forbidden(Verdict.UNSUPPORTED);
        }
        if (!verdict.isAllowed()) {
            sites.add(new Site(owner, method, insn, line, kind, ref, verdict));
        }
    }

    private void addDescriptorOffLimits(String owner, MethodNode method, AbstractInsnNode insn, int line,
                                               String descriptor, List<Site> sites) {
        Set<String> types = new LinkedHashSet<>();
        addDescriptorTypes(descriptor, types);
        for (String type : types) {
            addOffLimitsType(owner, method, insn, line, type, sites);
        }
    }

    private void addOffLimitsType(String owner, MethodNode method, AbstractInsnNode insn, int line, String type,
                                  List<Site> sites) {
        if (MemberRules.isOffLimits(type) && !isOwn(owner, type)) {
            String category = type.startsWith("dev/palisade/sandbox/") ? NeverGranted.SANDBOX_INTERNALS.id()
                    : NeverGranted.OSGI_FRAMEWORK.id();
            sites.add(new Site(owner, method, insn, line, Site.Kind.TYPE, MemberRef.type(type),
                    Verdict.forbidden(category)));
        }
    }

    private static void addDescriptorTypes(String descriptor, Set<String> types) {
        int at = descriptor.indexOf('L');
        while (at >= 0) {
            int end = descriptor.indexOf(';', at);
            if (end < 0) {
                return;
            }
            types.add(descriptor.substring(at + 1, end));
            at = descriptor.indexOf('L', end);
        }
    }

    private boolean isOwn(String currentClass, String type) {
        if (type.startsWith(MemberRules.GUARD_PACKAGE)) {
            return false;
        }
        return type.equals(currentClass) || ownType.test(type);
    }

    private Verdict classify(String currentClass, MemberRef ref) {
        boolean own = !MemberRules.isJdk(ref.owner()) && MemberRules.isOffLimits(ref.owner())
                && isOwn(currentClass, ref.owner());
        return rules.classify(ref, own);
    }

    private static MemberRef handleRef(Handle handle) {
        return new MemberRef(handle.getOwner(), handle.getName(), handle.getDesc());
    }

    private static int firstLine(MethodNode method) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode number) {
                return number.line;
            }
        }
        return 0;
    }
}
