package dev.palisade.sandbox.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of the member rules. Owner and member alternatives without a wildcard are compared as
 * strings; only the others are regular expressions, tried after a check of their literal prefix.
 * Immutable.
 */
final class MemberRule {

    enum Verb { GUARD, FORBID, ALLOW, EXTEND, BOOTSTRAP }

    private final Verb verb;
    private final String ownerGlob;
    private final Set<String> exactOwners = new HashSet<>();
    private final List<String> ownerPrefixes = new ArrayList<>();
    private final List<Pattern> ownerPatterns = new ArrayList<>();
    private final Set<String> exactNames = new HashSet<>();
    private final List<MemberAlternative> members = new ArrayList<>();
    private final boolean anyMember;
    private final String label;
    private final List<GuardCheck> checks;
    private final String source;

    MemberRule(Verb verb, String ownerGlob, String memberGlob, String label, List<GuardCheck> checks, String source) {
        this.verb = verb;
        this.ownerGlob = ownerGlob;
        for (String alternative : ownerGlob.split("\\|")) {
            if (Globs.isLiteral(alternative)) {
                exactOwners.add(alternative);
            } else {
                ownerPrefixes.add(Globs.literalPrefix(alternative));
                ownerPatterns.add(Globs.owner(alternative));
            }
        }
        this.anyMember = memberGlob == null || memberGlob.equals("*");
        if (!anyMember) {
            for (String alternative : memberGlob.split("\\|")) {
                int paren = alternative.indexOf('(');
                String name = paren < 0 ? alternative : alternative.substring(0, paren);
                if (paren < 0 && Globs.isLiteral(name)) {
                    exactNames.add(name);
                } else {
                    members.add(new MemberAlternative(name, paren < 0 ? null : alternative.substring(paren)));
                }
            }
        }
        this.label = label;
        this.checks = List.copyOf(checks);
        this.source = source;
    }

    Verb verb() {
        return verb;
    }

    String label() {
        return label;
    }

    List<GuardCheck> checks() {
        return checks;
    }

    String source() {
        return source;
    }

    /** @return the owner alternatives written without a wildcard */
    Set<String> exactOwners() {
        return exactOwners;
    }

    /** @return whether some owner alternative has a wildcard, so the rule may apply to owners it does not name */
    boolean hasWildcardOwner() {
        return !ownerPatterns.isEmpty();
    }

    /** @return whether the owner glob is {@code **}, which also covers the extension's own classes */
    boolean coversEveryOwner() {
        return ownerGlob.equals("**");
    }

    boolean matchesOwner(String internalName) {
        if (exactOwners.contains(internalName)) {
            return true;
        }
        for (int i = 0; i < ownerPatterns.size(); i++) {
            if (internalName.startsWith(ownerPrefixes.get(i)) && ownerPatterns.get(i).matcher(internalName).matches()) {
                return true;
            }
        }
        return false;
    }

    boolean matches(MemberRef ref) {
        if (!matchesOwner(ref.owner())) {
            return false;
        }
        if (anyMember || exactNames.contains(ref.name())) {
            return true;
        }
        for (MemberAlternative alternative : members) {
            if (alternative.matches(ref)) {
                return true;
            }
        }
        return false;
    }

    /** A member alternative with a wildcard or a descriptor. */
    private static final class MemberAlternative {
        private final String exactName;
        private final Pattern name;
        private final Pattern descriptor;

        MemberAlternative(String nameGlob, String descriptorGlob) {
            this.exactName = Globs.isLiteral(nameGlob) ? nameGlob : null;
            this.name = exactName == null ? Globs.name(nameGlob) : null;
            this.descriptor = descriptorGlob == null ? null : Globs.descriptor(descriptorGlob);
        }

        boolean matches(MemberRef ref) {
            boolean nameMatches = exactName != null ? exactName.equals(ref.name()) : name.matcher(ref.name()).matches();
            return nameMatches && (descriptor == null || descriptor.matcher(ref.descriptor()).matches());
        }
    }
}
