/**
 * The {@code palisade} command line: {@code palisade run [--home DIR] [--port N]} starts a host
 * through the embedding API and serves until Ctrl-C or SIGTERM, which close it cleanly through a
 * shutdown hook. Exit codes are listed in {@link dev.palisade.host.cli.ExitCodes}.
 */
package dev.palisade.host.cli;
