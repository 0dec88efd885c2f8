package dev.palisade.sandbox.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One line of the member rules. Immutable. */
final class MemberRule {

    enum Verb { GUARD, FORBID, ALLOW, EXTEND, BOOTSTRAP }

    private final Verb verb;
    private final String ownerGlob;
    private final Pattern owner;
    private final List<Pattern[]> members;
    private final String label;
    private final List<GuardCheck> checks;
    private final String source;

    MemberRule(Verb verb, String ownerGlob, String memberGlob, String label, List<GuardCheck> checks, String source) {
        this.verb = verb;
        this.ownerGlob = ownerGlob;
        this.owner = Globs.owner(ownerGlob);
        this.members = memberGlob == null ? List.of() : members(memberGlob);
        this.label = label;
        this.checks = List.copyOf(checks);
        this.source = source;
    }

    private static List<Pattern[]> members(String glob) {
        List<Pattern[]> alternatives = new ArrayList<>();
        for (String alternative : glob.split("\\|")) {
            int paren = alternative.indexOf('(');
            String name = paren < 0 ? alternative : alternative.substring(0, paren);
            Pattern descriptor = paren < 0 ? null : Globs.descriptor(alternative.substring(paren));
            alternatives.add(new Pattern[] {Globs.name(name), descriptor});
        }
        return alternatives;
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

    /** @return whether the owner glob is {@code **}, which also covers the extension's own classes */
    boolean coversEveryOwner() {
        return ownerGlob.equals("**");
    }

    boolean matchesOwner(String internalName) {
        return owner.matcher(internalName).matches();
    }

    boolean matches(MemberRef ref) {
        if (!matchesOwner(ref.owner())) {
            return false;
        }
        for (Pattern[] alternative : members) {
            if (alternative[0].matcher(ref.name()).matches()
                    && (alternative[1] == null || alternative[1].matcher(ref.descriptor()).matches())) {
                return true;
            }
        }
        return false;
    }
}
