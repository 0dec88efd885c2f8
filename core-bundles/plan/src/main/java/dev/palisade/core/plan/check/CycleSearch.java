package dev.palisade.core.plan.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a cycle in the dependency graph of a plan's tasks, depth first from each task in plan order, so
 * the cycle reported for the same plan is always the same one. Edges naming unknown tasks are ignored
 * (they are reported as such elsewhere). Not thread-safe; one search per instance.
 */
final class CycleSearch {

    /** An edge, with its position in the plan's {@code dependencies}. */
    record Edge(int index, String from, String to) {
    }

    /** A cycle: its tasks, first repeated at the end, and the edge that closes it. */
    record Cycle(List<String> tasks, Edge closing) {
    }

    private enum Mark { OPEN, DONE }

    private final Map<String, List<Edge>> outgoing = new LinkedHashMap<>();
    private final Map<String, Mark> marks = new HashMap<>();
    private final List<Edge> path = new ArrayList<>();

    private CycleSearch(List<String> tasks, List<Edge> edges) {
        for (String task : tasks) {
            outgoing.put(task, new ArrayList<>());
        }
        for (Edge e : edges) {
            if (outgoing.containsKey(e.from()) && outgoing.containsKey(e.to())) {
                outgoing.get(e.from()).add(e);
            }
        }
    }

    /** @return the first cycle found, or empty when the graph is acyclic */
    static Optional<Cycle> find(List<String> tasks, List<Edge> edges) {
        CycleSearch search = new CycleSearch(tasks, edges);
        for (String task : search.outgoing.keySet()) {
            if (!search.marks.containsKey(task)) {
                Optional<Cycle> found = search.visit(task);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Cycle> visit(String task) {
        marks.put(task, Mark.OPEN);
        for (Edge e : outgoing.get(task)) {
            Mark mark = marks.get(e.to());
            if (mark == Mark.OPEN) {
                return Optional.of(close(e));
            }
            if (mark == null) {
                path.add(e);
                Optional<Cycle> found = visit(e.to());
                if (found.isPresent()) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        marks.put(task, Mark.DONE);
        return Optional.empty();
    }

    private Cycle close(Edge closing) {
        List<String> tasks = new ArrayList<>();
        tasks.add(closing.to());
        if (!closing.from().equals(closing.to())) {
            int start = path.size() - 1;
            while (!path.get(start).from().equals(closing.to())) {
                start--;
            }
            for (Edge e : path.subList(start, path.size())) {
                tasks.add(e.to());
            }
        }
        tasks.add(closing.to());
        return new Cycle(Collections.unmodifiableList(tasks), closing);
    }
}
