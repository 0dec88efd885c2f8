package dev.palisade.itests.mplp;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.itests.RunningDistribution;

/** {@link ProtocolEndToEnd} on the embedded H2 store a host opens by default. */
class ProtocolEndToEndOnH2IT {

    @TempDir
    Path temp;

    @Test
    void aPlanRunsEndToEndThroughRestOnH2() throws Exception {
        try (RunningDistribution host = RunningDistribution.start(temp.resolve("home"))) {
            new ProtocolEndToEnd(host).run();
        }
    }
}
