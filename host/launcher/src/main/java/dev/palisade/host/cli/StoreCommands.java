package dev.palisade.host.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.palisade.host.Palisade;
import dev.palisade.host.PalisadeHost;
import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.PalisadeStopException;
import dev.palisade.host.bridge.AuditCheck;
import dev.palisade.host.bridge.BackupSummary;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.RestorePolicy;
import dev.palisade.host.bridge.RestoreSummary;
import dev.palisade.host.bridge.StoreAdmin;
import dev.palisade.host.internal.HostOnHome;
import dev.palisade.host.internal.HostSettings;

/**
 * {@code palisade backup}, {@code restore} and {@code audit verify}. When a host runs on the home
 * (it holds {@code data/palisade.lock} and names its port in {@code data/palisade.port}), backup and
 * audit verify go through its loopback admin endpoints; a restore is refused then, because it
 * replaces the whole store under the running modules. When none runs, the command starts the store
 * in-process through the embedding API (features palisade-store, palisade-http on port 0, and
 * palisade-protocol, whose modules create their tables, so a restore into an empty database finds them),
 * does its work and stops it again.
 */
final class StoreCommands {

    /**
     * The boot features of the in-process host: the store; HTTP only because port 0 needs it; the protocol
     * modules because they create their own tables, which a backup holds and a restore fills.
     */
    static final String MAINTENANCE_FEATURES = "palisade-store,palisade-http,palisade-protocol";

    private final Path home;
    private final CommandLine commandLine;
    private final PrintStream out;
    private final PrintStream err;

    StoreCommands(Path home, CommandLine commandLine, PrintStream out, PrintStream err) {
        this.home = home.toAbsolutePath().normalize();
        this.commandLine = commandLine;
        this.out = out;
        this.err = err;
    }

    /** @return the exit code */
    int run() {
        try {
            return switch (commandLine.command()) {
                case BACKUP -> backup(commandLine.file());
                case RESTORE -> restore(commandLine.file());
                case AUDIT_VERIFY -> auditVerify();
                default -> throw new IllegalArgumentException(commandLine.command() + " is not a store command");
            };
        } catch (CommandFailure e) {
            err.println("palisade: " + e.getMessage());
            return e.exitCode();
        } catch (PalisadeStartException e) {
            err.println("palisade: cannot start: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (HostProblem e) {
            err.println("palisade: " + e.detail());
            return "restore-refused".equals(e.type()) ? ExitCodes.REFUSED : ExitCodes.FAILED;
        }
    }

    private int backup(Path file) {
        BackupSummary summary;
        HostOnHome running = running();
        if (running != null) {
            RunningHostClient client = new RunningHostClient(running.port());
            out.println("backing up through the host running at " + client.base());
            summary = client.backup(file, out);
        } else {
            out.println("backing up the store of " + home);
            summary = inProcess(admin -> admin.backup(file, new TerminalProgress(out, "copied")));
        }
        summary.rows().forEach((table, rows) -> out.println("  " + table + ": " + rows + " rows"));
        out.println("backup written to " + file.toAbsolutePath() + ": " + StoreLines.of(summary));
        return ExitCodes.OK;
    }

    private int restore(Path file) {
        HostOnHome probe = HostOnHome.probe(home);
        if (probe.state() != HostOnHome.State.NONE) {
            throw new CommandFailure(ExitCodes.REFUSED, "cannot restore: a host runs on " + home
                    + (probe.port() > 0 ? " (port " + probe.port() + ")" : "")
                    + " and a restore would replace the store under it; stop the host first, then run palisade restore again");
        }
        RestorePolicy policy = commandLine.force() ? RestorePolicy.OVERWRITE_NEWER_DATA : RestorePolicy.REFUSE_NEWER_DATA;
        out.println("restoring " + file.toAbsolutePath() + " into the store of " + home);
        RestoreSummary restored = inProcess(admin -> admin.restore(file, policy, new TerminalProgress(out, "restored")));
        out.println("restored " + StoreLines.of(restored.backup()));
        out.println(restored.audit().description());
        return restored.audit().intact() ? ExitCodes.OK : ExitCodes.AUDIT_BROKEN;
    }

    private int auditVerify() {
        HostOnHome running = running();
        AuditCheck check = running != null ? new RunningHostClient(running.port()).verifyAudit()
                : inProcess(StoreAdmin::verifyAudit);
        if (check.intact()) {
            out.println(check.description());
            return ExitCodes.OK;
        }
        err.println("palisade: " + check.description());
        return ExitCodes.AUDIT_BROKEN;
    }

    /** @return the ready host on the home, or {@code null} when none runs */
    private HostOnHome running() {
        HostOnHome probe = HostOnHome.probe(home);
        switch (probe.state()) {
            case NONE:
                return null;
            case STARTING:
                throw new CommandFailure(ExitCodes.FAILED, "a host is starting on " + home
                        + "; wait until it is ready, then run the command again");
            default:
                if (commandLine.dbUrl() != null || commandLine.dbUser() != null) {
                    throw new CommandFailure(ExitCodes.FAILED, "a host runs on " + home + " (port " + probe.port()
                            + ") with its own database; drop --db-url and --db-user, or stop the host first");
                }
                return probe;
        }
    }

    private <T> T inProcess(java.util.function.Function<StoreAdmin, T> work) {
        Palisade.Builder builder = Palisade.builder().home(home).port(0)
                .property(HostSettings.BOOT_FEATURES, MAINTENANCE_FEATURES)
                .property(HostSettings.READY_SERVICES, HostSettings.HTTP_RUNTIME + "," + HostSettings.STORE_ADMIN);
        Main.databaseProperties(commandLine).forEach(builder::property);
        PalisadeHost host = builder.start();
        try {
            return work.apply(host.store());
        } finally {
            try {
                host.close();
            } catch (PalisadeStopException e) {
                err.println("palisade: " + e.getMessage());
            }
        }
    }
}
