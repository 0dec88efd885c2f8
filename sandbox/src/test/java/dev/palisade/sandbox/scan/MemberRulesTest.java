package dev.palisade.sandbox.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The rules file: replace rules, and first-match precedence kept by the owner index. */
class MemberRulesTest {

    private static final MemberRef EXIT = new MemberRef("java/lang/System", "exit", "(I)V");

    @Test
    void urlOpenStreamIsReplacedByItsGuard() {
        Verdict verdict = MemberRules.defaults().classify(new MemberRef("java/net/URL", "openStream",
                "()Ljava/io/InputStream;"));

        assertTrue(verdict.isGuarded(), verdict::toString);
        assertEquals("net.connect", verdict.permission());
        assertEquals(List.of(new GuardCheck("NetGuard", "openStream", List.of(), GuardCheck.Placement.INSTEAD)),
                verdict.checks());
    }

    @Test
    void aReplaceRuleNamesAGuardMethodWithoutArguments() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> MemberRules.parse(
                List.of("replace net.connect java/net/URL openStream NetGuard.openStream(this)"), "test.rules"));

        assertEquals("test.rules:1: expected a guard method such as NetGuard.openStream, not "
                + "\"NetGuard.openStream(this)\"", refused.getMessage());
    }

    @Test
    void theFirstMatchingLineWinsWhetherItsOwnerIsExactOrAPattern() {
        MemberRules wildcardFirst = MemberRules.parse(List.of("forbid unsupported java/** exit",
                "forbid jvm.exit java/lang/System exit"), "test.rules");
        MemberRules exactFirst = MemberRules.parse(List.of("forbid jvm.exit java/lang/System exit",
                "forbid unsupported java/** exit"), "test.rules");

        assertEquals("unsupported", wildcardFirst.classify(EXIT).permission());
        assertEquals("jvm.exit", exactFirst.classify(EXIT).permission());
        assertEquals("unsupported", exactFirst.classify(new MemberRef("java/lang/Runtime", "exit", "(I)V")).permission());
    }
}
