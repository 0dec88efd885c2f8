package dev.palisade.core.extension.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides when a file of the deploy folder is ready to be handed on, and whether it needs to be. A
 * touched file is pending until its stamp has stayed the same for the settle time, or until it is seen
 * complete with an unchanged stamp (a jar renamed into place is handed on at once), or gone; it then becomes a
 * {@link Change}: {@code CHANGED} when its stamp differs from the last one handed on, {@code REMOVED}
 * when it is gone and had been handed on, nothing otherwise. Times are {@link System#nanoTime()} values
 * passed in by the caller, so the logic is testable without waiting. Not thread-safe: one watcher
 * thread uses it.
 */
public final class SettleTracker {

    /** What to do with a settled file. */
    public enum Kind {
        /** A new or changed jar: deploy it. */
        CHANGED,
        /** A jar that had been handed on is gone. */
        REMOVED
    }

    /** A settled file and what happened to it. */
    public record Change(Path file, Kind kind) {
    }

    private record Pending(FileStamp stamp, long sinceNanos) {
    }

    private final long settleNanos;
    private final Function<Path, FileStamp> stat;
    private final Predicate<Path> complete;
    private final Map<Path, Pending> pending = new LinkedHashMap<>();
    private final Map<Path, FileStamp> handed = new LinkedHashMap<>();

    /**
     * @param settleNanos how long a file must stay unchanged
     * @param stat        reads a file's stamp, {@code null} when it is missing
     * @param complete    whether a file is known to be completely written
     */
    public SettleTracker(long settleNanos, Function<Path, FileStamp> stat, Predicate<Path> complete) {
        this.settleNanos = settleNanos;
        this.stat = stat;
        this.complete = complete;
    }

    /** A tracker that sees a file as complete when it ends like a zip archive. */
    public static SettleTracker forJars(long settleNanos) {
        return new SettleTracker(settleNanos, FileStamp::of, ZipEnd::isComplete);
    }

    /** Marks a file as possibly changed at {@code now}. */
    public void touched(Path file, long now) {
        pending.put(file, new Pending(stat.apply(file), now));
    }

    /** @return whether files are waiting to settle */
    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /** @return the files handed on so far and not removed since */
    public List<Path> known() {
        return new ArrayList<>(handed.keySet());
    }

    /**
     * Re-reads every pending file. One whose stamp changed starts waiting again; one that stayed the same
     * for the settle time leaves the pending set and, when needed, is returned.
     *
     * @return the settled changes, in the order the files were touched
     */
    public List<Change> settle(long now) {
        List<Change> changes = new ArrayList<>();
        var iterator = pending.entrySet().iterator();
        while (iterator.hasNext()) {
            var entry = iterator.next();
            Path file = entry.getKey();
            FileStamp current = stat.apply(file);
            Pending waiting = entry.getValue();
            if (!Objects.equals(current, waiting.stamp())) {
                entry.setValue(new Pending(current, now));
                continue;
            }
            boolean quietLongEnough = now - waiting.sinceNanos() >= settleNanos;
            if (!quietLongEnough && current != null && !complete.test(file)) {
                continue;
            }
            iterator.remove();
            if (current == null) {
                if (handed.remove(file) != null) {
                    changes.add(new Change(file, Kind.REMOVED));
                }
            } else if (!current.equals(handed.get(file))) {
                handed.put(file, current);
                changes.add(new Change(file, Kind.CHANGED));
            }
        }
        return changes;
    }
}
