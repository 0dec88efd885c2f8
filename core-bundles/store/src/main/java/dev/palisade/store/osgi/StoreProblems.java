package dev.palisade.store.osgi;

import java.util.Map;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.store.StoreBusyException;
import dev.palisade.store.StoreConflictException;
import dev.palisade.store.StoreException;
import dev.palisade.store.StoreInputException;
import dev.palisade.store.StoreUnavailableException;
import dev.palisade.store.backup.BackupFormatException;
import dev.palisade.store.backup.RestoreRefusedException;

/** Turns the store's typed exceptions into the problems {@link dev.palisade.host.bridge.StoreAdmin} promises. */
final class StoreProblems {

    private StoreProblems() {
    }

    static HostProblem of(StoreException e) {
        HostProblem problem;
        if (e instanceof StoreUnavailableException u) {
            problem = new HostProblem(503, "store-unavailable", "Store unavailable", e.getMessage(),
                    Map.of("database", u.database()));
        } else if (e instanceof StoreBusyException) {
            problem = new HostProblem(503, "store-busy", "Store busy", e.getMessage());
        } else if (e instanceof RestoreRefusedException) {
            problem = new HostProblem(409, "restore-refused", "Restore refused", e.getMessage());
        } else if (e instanceof BackupFormatException) {
            problem = new HostProblem(400, "backup-invalid", "Not a complete backup", e.getMessage());
        } else if (e instanceof StoreConflictException) {
            problem = new HostProblem(409, "store-conflict", "Already stored", e.getMessage());
        } else if (e instanceof StoreInputException i) {
            problem = new HostProblem(400, "store-input", "Value does not fit the store", e.getMessage(),
                    Map.of("field", i.field()));
        } else {
            problem = new HostProblem(500, "store-failed", "Store operation failed", e.getMessage());
        }
        problem.initCause(e);
        return problem;
    }
}
