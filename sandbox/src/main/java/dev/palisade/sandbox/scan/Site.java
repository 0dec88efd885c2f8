package dev.palisade.sandbox.scan;

import java.util.Objects;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * One place in a class where extension code references something the sandbox cares about.
 *
 * @param className   internal name of the class
 * @param method      the method holding the reference; {@code null} for class-level references
 *                    (superclass, interfaces, declared members)
 * @param instruction the referencing instruction; {@code null} for class-level references
 * @param line        source line, or 0 when the class has no line numbers there
 * @param kind        what kind of reference it is
 * @param member      what is referenced
 * @param verdict     what the sandbox does with it
 */
public record Site(String className, MethodNode method, AbstractInsnNode instruction, int line, Kind kind,
                   MemberRef member, Verdict verdict) {

    /** Kinds of reference. */
    public enum Kind {
        /** invokevirtual, invokestatic, invokeinterface, invokespecial (including constructors). */
        CALL,
        /** getfield, putfield, getstatic, putstatic. */
        FIELD,
        /** A method handle constant: a method reference in an invokedynamic, or an ldc. */
        METHOD_HANDLE,
        /** The bootstrap method of an invokedynamic or a dynamic constant. */
        BOOTSTRAP,
        /** A type named by an instruction, a descriptor, an exception handler or the class header. */
        TYPE,
        /** The class's superclass. */
        SUPERCLASS,
        /** A member the class declares, such as a finalizer. */
        DECLARATION
    }

    public Site {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** @return the method's name, or {@code "<class>"} for class-level references */
    public String methodName() {
        return method == null ? "<class>" : method.name;
    }
}
