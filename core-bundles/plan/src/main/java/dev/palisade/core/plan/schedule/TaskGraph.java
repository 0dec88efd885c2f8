package dev.palisade.core.plan.schedule;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A plan's tasks and typed dependencies as a graph, tasks in plan order. Immutable. */
final class TaskGraph {

    /** A dependency: {@code to} waits on {@code from} as {@code type} says. */
    record Link(String from, String to, DependencyType type) {
    }

    private record Node(String name, Duration duration, List<Link> incoming, List<Link> outgoing) {
    }

    private final Map<String, Node> nodes;
    private final List<String> order;

    private TaskGraph(Map<String, Node> nodes) {
        this.nodes = nodes;
        this.order = sort(nodes);
    }

    static TaskGraph of(JsonNode plan) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (JsonNode task : plan.path("tasks")) {
            nodes.put(task.path("id").asText(), new Node(task.path("name").asText(), Timeline.durationOf(task),
                    new ArrayList<>(), new ArrayList<>()));
        }
        for (JsonNode dep : plan.path("dependencies")) {
            Link link = new Link(dep.path("from_task").asText(), dep.path("to_task").asText(),
                    DependencyType.of(dep.path("type").asText()));
            nodes.get(link.from()).outgoing().add(link);
            nodes.get(link.to()).incoming().add(link);
        }
        return new TaskGraph(nodes);
    }

    List<String> ids() {
        return List.copyOf(nodes.keySet());
    }

    /** @return the tasks so that each comes after every task it depends on (plan order among equals) */
    List<String> topologicalOrder() {
        return order;
    }

    String name(String id) {
        return nodes.get(id).name();
    }

    Duration duration(String id) {
        return nodes.get(id).duration();
    }

    List<Link> incoming(String id) {
        return nodes.get(id).incoming();
    }

    List<Link> outgoing(String id) {
        return nodes.get(id).outgoing();
    }

    private static List<String> sort(Map<String, Node> nodes) {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        nodes.forEach((id, node) -> {
            waiting.put(id, node.incoming().size());
            if (node.incoming().isEmpty()) {
                ready.add(id);
            }
        });
        List<String> sorted = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.removeFirst();
            sorted.add(id);
            for (Link out : nodes.get(id).outgoing()) {
                if (waiting.merge(out.to(), -1, Integer::sum) == 0) {
                    ready.add(out.to());
                }
            }
        }
        if (sorted.size() != nodes.size()) {
            throw new IllegalArgumentException("the plan's dependencies form a cycle; validate the plan to name it");
        }
        return List.copyOf(sorted);
    }
}
