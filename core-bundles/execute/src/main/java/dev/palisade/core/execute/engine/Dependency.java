package dev.palisade.core.execute.engine;

/**
 * One plan dependency.
 *
 * @param from the task that constrains
 * @param to   the task that waits
 */
public record Dependency(String from, String to, DependencyType type) {
}
