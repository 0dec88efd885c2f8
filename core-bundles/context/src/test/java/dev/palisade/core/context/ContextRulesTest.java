package dev.palisade.core.context;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.palisade.host.bridge.HostProblem;

class ContextRulesTest {

    @ParameterizedTest
    @CsvSource({ "active,suspended", "active,completed", "active,failed", "suspended,active", "suspended,failed" })
    void allowsTheStatusMoves(String from, String to) {
        assertDoesNotThrow(() -> ContextRules.requireChange("context c", from, "planning", to, null));
    }

    @ParameterizedTest
    @CsvSource({ "planning,execution", "execution,validation", "execution,planning", "validation,completion",
            "validation,execution" })
    void allowsTheStageMovesWhileActive(String from, String to) {
        assertDoesNotThrow(() -> ContextRules.requireChange("context c", "active", from, null, to));
    }

    @Test
    void aCompletedContextCannotGoBackAndSaysItIsFinal() {
        HostProblem p = assertThrows(HostProblem.class,
                () -> ContextRules.requireChange("context c", "completed", "completion", "active", null));
        assertEquals(409, p.status());
        assertEquals("invalid-transition", p.type());
        assertEquals("context c cannot change status from completed to active; allowed from completed: none:"
                + " completed is final", p.detail());
        assertEquals(List.of(), p.properties().get("allowed"));
    }

    @Test
    void theCompletionStageCannotGoBackToPlanningAndNamesNoMove() {
        HostProblem p = assertThrows(HostProblem.class,
                () -> ContextRules.requireChange("context c", "active", "completion", null, "planning"));
        assertEquals("context c cannot change lifecycle_stage from completion to planning; allowed from"
                + " completion: none: completion is final", p.detail());
    }

    @Test
    void aRefusedStageMoveNamesTheAllowedOnes() {
        HostProblem p = assertThrows(HostProblem.class,
                () -> ContextRules.requireChange("context c", "active", "planning", null, "validation"));
        assertEquals(List.of("execution"), p.properties().get("allowed"));
        assertEquals("lifecycle_stage", p.properties().get("field"));
    }

    @Test
    void theStageMovesOnlyWhileActive() {
        HostProblem p = assertThrows(HostProblem.class,
                () -> ContextRules.requireChange("context c", "suspended", "planning", null, "execution"));
        assertEquals(409, p.status());
        assertEquals("context c cannot change lifecycle_stage from planning to execution while it is suspended;"
                + " the lifecycle stage moves only while the context is active", p.detail());
    }

    @Test
    void stayingInTheSameStatusIsNotAMove() {
        HostProblem p = assertThrows(HostProblem.class,
                () -> ContextRules.requireChange("context c", "active", "planning", "active", null));
        assertEquals(List.of("suspended", "completed", "failed"), p.properties().get("allowed"));
    }

    @ParameterizedTest
    @CsvSource({ "completed", "failed" })
    void finalContextsAreReadOnly(String status) {
        HostProblem p = assertThrows(HostProblem.class, () -> ContextRules.requireWritable("context c", status));
        assertEquals("context-final", p.type());
        assertEquals("context c is " + status + ": its content is read-only; create a new context to go on",
                p.detail());
    }

    @ParameterizedTest
    @CsvSource({ "active", "suspended" })
    void openContextsAreWritable(String status) {
        assertDoesNotThrow(() -> ContextRules.requireWritable("context c", status));
    }
}
