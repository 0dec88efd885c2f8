package dev.palisade.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.HostProblem;

class TransitionsTest {

    private final Transitions stages = Transitions.of("lifecycle_stage")
            .allow("planning", "execution")
            .allow("execution", "validation", "planning")
            .build();

    @Test
    void anAllowedMovePasses() {
        stages.require("context c1", "execution", "planning");
    }

    @Test
    void aRefusedMoveIs409NamingTheAllowedOnes() {
        HostProblem p = assertThrows(HostProblem.class, () -> stages.require("context c1", "planning", "completion"));
        assertEquals(409, p.status());
        assertEquals("invalid-transition", p.type());
        assertEquals("context c1 cannot change lifecycle_stage from planning to completion; allowed from planning:"
                + " execution", p.detail());
        assertEquals(List.of("execution"), p.properties().get("allowed"));
    }

    @Test
    void aFinalStateSaysSo() {
        HostProblem p = assertThrows(HostProblem.class, () -> stages.require("context c1", "completion", "planning"));
        assertEquals("context c1 cannot change lifecycle_stage from completion to planning; allowed from completion:"
                + " none: completion is final", p.detail());
    }
}
