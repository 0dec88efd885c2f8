/**
 * The deploy folder watcher: an initial scan, then {@link java.nio.file.WatchService} events; a
 * {@code *.jar} file is handed on once it has been quiet (same size and modification time) for the
 * settle time, so half-written files are never deployed. Dotfiles and anything not ending in
 * {@code .jar} (such as {@code .tmp} and {@code .part} files) are ignored. A file handed on is
 * remembered with its size and modification time and not handed on again until one of them changes, so
 * a refused jar is not retried in a loop. Private implementation package.
 */
package dev.palisade.core.extension.watch;
