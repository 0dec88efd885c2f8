package dev.palisade.sandbox.scan;

import dev.palisade.sandbox.permission.NeverGranted;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The sandbox's rules for JDK members: which are allowed, which are checked at run time (and by
 * which guard), which are refused, which JDK classes extension classes may extend and which
 * invokedynamic bootstraps they may use. Deny by default: a member of a JDK class that no rule
 * allows is refused as {@link Verdict#NOT_ALLOWLISTED}.
 *
 * <p>The rules are data: {@code jdk-members.rules} beside this class (see its header for the
 * format). Immutable and thread-safe.
 */
public final class MemberRules {

    /** Internal-name prefixes of the JDK's own packages. */
    static final List<String> JDK_PREFIXES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/", "org/w3c/",
            "org/xml/", "org/ietf/", "org/jcp/");

    /**
     * Internal-name prefixes outside the JDK that extension code may not reference, unless the type is
     * one of the extension's own (never for the guard package).
     */
    static final List<String> OFF_LIMITS_PREFIXES = List.of("org/osgi/", "org/apache/felix/", "dev/palisade/sandbox/");

    /** Internal-name prefix of the package holding the guards woven code calls; never the extension's own. */
    public static final String GUARD_PACKAGE = "dev/palisade/sandbox/guard/";

    private static final String RESOURCE = "jdk-members.rules";
    private static final Set<String> OBJECT_METHODS = Set.of("equals(Ljava/lang/Object;)Z", "hashCode()I",
            "toString()Ljava/lang/String;", "getClass()Ljava/lang/Class;", "notify()V", "notifyAll()V", "wait()V",
            "wait(J)V", "wait(JI)V");
    private static volatile MemberRules defaults;

    private final RuleIndex guards;
    private final RuleIndex forbids;
    private final RuleIndex allows;
    private final RuleIndex extendable;
    private final RuleIndex bootstraps;

    private MemberRules(List<MemberRule> rules) {
        guards = index(rules, MemberRule.Verb.GUARD);
        forbids = index(rules, MemberRule.Verb.FORBID);
        allows = index(rules, MemberRule.Verb.ALLOW);
        extendable = index(rules, MemberRule.Verb.EXTEND);
        bootstraps = index(rules, MemberRule.Verb.BOOTSTRAP);
    }

    private static RuleIndex index(List<MemberRule> rules, MemberRule.Verb verb) {
        return new RuleIndex(rules.stream().filter(rule -> rule.verb() == verb).toList());
    }

    /** @return the rules shipped with the sandbox ({@code jdk-members.rules}) */
    public static MemberRules defaults() {
        MemberRules rules = defaults;
        if (rules == null) {
            try (InputStream in = MemberRules.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the sandbox's member rules " + RESOURCE + " are missing from "
                            + "its jar; rebuild palisade-sandbox");
                }
                List<String> lines = new ArrayList<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
                rules = parse(lines, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sandbox's member rules " + RESOURCE, e);
            }
            defaults = rules;
        }
        return rules;
    }

    /**
     * @param lines  rule lines in the format of {@code jdk-members.rules}
     * @param source a name for messages
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static MemberRules parse(List<String> lines, String source) {
        List<MemberRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash < 0 ? line : line.substring(0, hash)).trim();
            if (!text.isEmpty()) {
                rules.add(parseLine(text.split("\\s+"), source + ":" + (i + 1)));
            }
        }
        return new MemberRules(rules);
    }

    private static MemberRule parseLine(String[] fields, String where) {
        String verb = fields[0];
        switch (verb) {
            case "guard": {
                require(fields.length >= 5, where, "guard <permission> <owner> <member> <check>...");
                List<GuardCheck> checks = new ArrayList<>();
                for (int i = 4; i < fields.length; i++) {
                    checks.add(parseCheck(fields[i], where));
                }
                return new MemberRule(MemberRule.Verb.GUARD, fields[2], fields[3], fields[1], checks, where);
            }
            case "replace": {
                require(fields.length == 5, where, "replace <permission> <owner> <member> <Guard.method>");
                int dot = fields[4].indexOf('.');
                require(dot > 0 && dot < fields[4].length() - 1 && fields[4].indexOf('(') < 0, where,
                        "a guard method such as NetGuard.openStream, not \"" + fields[4] + "\"");
                GuardCheck replacement = new GuardCheck(fields[4].substring(0, dot), fields[4].substring(dot + 1),
                        List.of(), GuardCheck.Placement.INSTEAD);
                return new MemberRule(MemberRule.Verb.GUARD, fields[2], fields[3], fields[1], List.of(replacement), where);
            }
            case "forbid":
                require(fields.length == 4, where, "forbid <category> <owner> <member>");
                require(NeverGranted.byId(fields[1]).isPresent() || fields[1].equals(Verdict.UNSUPPORTED), where,
                        "a category that is a never-granted id or \"unsupported\", not \"" + fields[1] + "\"");
                return new MemberRule(MemberRule.Verb.FORBID, fields[2], fields[3], fields[1], List.of(), where);
            case "allow":
                require(fields.length == 3, where, "allow <owner> <member>");
                return new MemberRule(MemberRule.Verb.ALLOW, fields[1], fields[2], "", List.of(), where);
            case "extend":
                require(fields.length == 2, where, "extend <owner>");
                return new MemberRule(MemberRule.Verb.EXTEND, fields[1], null, "", List.of(), where);
            case "bootstrap":
                require(fields.length == 3, where, "bootstrap <owner> <member>");
                return new MemberRule(MemberRule.Verb.BOOTSTRAP, fields[1], fields[2], "", List.of(), where);
            default:
                throw new IllegalArgumentException(where + ": unknown rule \"" + verb + "\"; use guard, replace, forbid, "
                        + "allow, extend or bootstrap");
        }
    }

    private static GuardCheck parseCheck(String text, String where) {
        int dot = text.indexOf('.');
        int open = text.indexOf('(');
        require(dot > 0 && open > dot && text.endsWith(")"), where, "a check such as FileGuard.read(0), not \"" + text + "\"");
        List<Integer> arguments = new ArrayList<>();
        String inner = text.substring(open + 1, text.length() - 1);
        if (!inner.isEmpty()) {
            for (String argument : inner.split(",")) {
                if (argument.equals("this")) {
                    arguments.add(GuardCheck.RECEIVER);
                } else {
                    require(argument.matches("\\d"), where, "argument indexes 0-9 or this, not \"" + argument + "\"");
                    arguments.add(Integer.parseInt(argument));
                }
            }
        }
        return new GuardCheck(text.substring(0, dot), text.substring(dot + 1, open), arguments,
                GuardCheck.Placement.BEFORE);
    }

    private static void require(boolean condition, String where, String expected) {
        if (!condition) {
            throw new IllegalArgumentException(where + ": expected " + expected);
        }
    }

    /** @return whether {@code internalName} is a JDK class ({@code java/}, {@code javax/}, ...) */
    public static boolean isJdk(String internalName) {
        return startsWithAny(internalName, JDK_PREFIXES);
    }

    /** @return whether extension code may never reference {@code internalName} at all */
    public static boolean isOffLimits(String internalName) {
        return startsWithAny(internalName, OFF_LIMITS_PREFIXES);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param ref a member referenced by extension code (a call, a field access, a method handle),
     *            not of one of the extension's own classes
     * @return what to do with it; members of the API are allowed unless an every-owner rule matches
     */
    public Verdict classify(MemberRef ref) {
        return classify(ref, false);
    }

    /**
     * @param ref           a member referenced by extension code
     * @param extensionOwn  whether the owner is one of the extension's own classes; then only the
     *                      rules that cover every owner apply (a class in the guard package is never
     *                      the extension's own)
     * @return what to do with it
     */
    public Verdict classify(MemberRef ref, boolean extensionOwn) {
        if (ref.owner().startsWith("[")) {
            return Verdict.allowed();
        }
        boolean own = extensionOwn && !ref.owner().startsWith(GUARD_PACKAGE);
        boolean checked = !own && (isJdk(ref.owner()) || isOffLimits(ref.owner()));
        for (MemberRule rule : guards.candidates(ref.owner())) {
            if ((checked || rule.coversEveryOwner()) && rule.matches(ref)) {
                return Verdict.guarded(rule.label(), rule.checks());
            }
        }
        for (MemberRule rule : forbids.candidates(ref.owner())) {
            if ((checked || rule.coversEveryOwner()) && rule.matches(ref)) {
                return Verdict.forbidden(rule.label());
            }
        }
        if (!checked || OBJECT_METHODS.contains(ref.name() + ref.descriptor())) {
            return Verdict.allowed();
        }
        for (MemberRule rule : allows.candidates(ref.owner())) {
            if (rule.matches(ref)) {
                return Verdict.allowed();
            }
        }
        return Verdict.forbidden(Verdict.NOT_ALLOWLISTED);
    }

    /**
     * @param superName internal name of a superclass of an extension class
     * @return allowed, or forbidden with the category that explains why it may not be extended
     */
    public Verdict classifySuperclass(String superName) {
        if (!isJdk(superName) && !isOffLimits(superName)) {
            return Verdict.allowed();
        }
        for (MemberRule rule : extendable.candidates(superName)) {
            if (rule.matchesOwner(superName)) {
                return Verdict.allowed();
            }
        }
        Verdict constructor = classify(new MemberRef(superName, "<init>", "()V"));
        return constructor.isForbidden() && !constructor.permission().equals(Verdict.NOT_ALLOWLISTED)
                ? constructor : Verdict.forbidden(Verdict.NOT_EXTENSIBLE);
    }

    /** @return whether {@code bootstrap} (the method handle of an invokedynamic) is one javac emits and the sandbox allows */
    public boolean isAllowedBootstrap(MemberRef bootstrap) {
        for (MemberRule rule : bootstraps.candidates(bootstrap.owner())) {
            if (rule.matches(bootstrap)) {
                return true;
            }
        }
        return false;
    }

    /** @return every guard check the rules name, for checking that the guard classes provide them */
    public List<GuardCheck> guardChecks() {
        List<GuardCheck> checks = new ArrayList<>();
        for (MemberRule rule : guards.all()) {
            checks.addAll(rule.checks());
        }
        return Collections.unmodifiableList(checks);
    }
}
