package dev.palisade.sandbox.scan;

import java.util.Objects;

import org.objectweb.asm.Type;

/**
 * A member as bytecode names it: owner's internal name, member name and descriptor (a method
 * descriptor for methods and constructors, a type descriptor for fields, empty for a type).
 *
 * @param owner      internal name of the class named at the reference, e.g. {@code java/nio/file/Files}
 * @param name       member name, {@code <init>} for constructors; empty for a type reference
 * @param descriptor JVM descriptor; empty for a type reference
 */
public record MemberRef(String owner, String name, String descriptor) {

    public MemberRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    /** @return a reference to a whole type, e.g. a superclass */
    public static MemberRef type(String internalName) {
        return new MemberRef(internalName, "", "");
    }

    /** @return whether this names a method or constructor */
    public boolean isMethod() {
        return descriptor.startsWith("(");
    }

    /**
     * @return a readable form: {@code java.nio.file.Files.readString(java.nio.file.Path)},
     *         {@code new java.io.FileInputStream(java.io.File)}, {@code java.lang.System.out}
     */
    public String display() {
        String ownerName = owner.replace('/', '.');
        if (name.isEmpty()) {
            return ownerName;
        }
        if (!isMethod()) {
            return ownerName + "." + name;
        }
        StringBuilder params = new StringBuilder();
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            if (params.length() > 0) {
                params.append(", ");
            }
            params.append(argument.getClassName());
        }
        return (name.equals("<init>") ? "new " + ownerName : ownerName + "." + name) + "(" + params + ")";
    }

    @Override
    public String toString() {
        return owner + "." + name + descriptor;
    }
}
