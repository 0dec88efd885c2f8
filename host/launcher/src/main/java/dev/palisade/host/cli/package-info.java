/**
 * The {@code palisade} command line: {@code palisade run [--home DIR] [--port N] [--db-url URL]
 * [--db-user USER]} starts a host through the embedding API and serves until Ctrl-C or SIGTERM, which
 * close it cleanly through a shutdown hook; {@code backup FILE}, {@code restore FILE [--force]} and
 * {@code audit verify} work on the store, through the running host's loopback admin endpoints when
 * one runs on the home, else in-process. A database password is taken only from the environment
 * variable {@code PALISADE_DB_PASSWORD}. Exit codes are listed in
 * {@link dev.palisade.host.cli.ExitCodes}.
 */
package dev.palisade.host.cli;
