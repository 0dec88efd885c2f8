package dev.palisade.core.execute.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps what the engine reports, for assertions. Thread-safe. */
final class MemoryJournal implements ExecutionJournal {

    final List<String> statuses = new ArrayList<>();
    final List<String> lines = new ArrayList<>();
    final Map<String, List<TaskStatus>> taskHistory = new LinkedHashMap<>();
    int ends;

    @Override
    public synchronized void statusChanged(ExecutionStatus status, String reason) {
        statuses.add(status.protocolName() + (reason == null ? "" : " (" + reason + ")"));
    }

    @Override
    public synchronized void taskChanged(TaskRecord task) {
        taskHistory.computeIfAbsent(task.name(), k -> new ArrayList<>()).add(task.status());
    }

    @Override
    public synchronized void log(String level, String taskId, String message) {
        lines.add(level + " " + message);
    }

    @Override
    public synchronized void ended(ExecutionStatus status) {
        ends++;
    }

    synchronized List<TaskStatus> history(String task) {
        return List.copyOf(taskHistory.getOrDefault(task, List.of()));
    }
}
