package dev.palisade.sandbox.testing;

import dev.palisade.sandbox.testing.fixtures.EchoPlugin;
import dev.palisade.sandbox.testing.fixtures.WordCountPlugin;

/** Valid extension descriptors (JSON) for the fixture entry classes. */
public final class TestDescriptors {

    private TestDescriptors() {
    }

    /** @return a descriptor for {@link EchoPlugin}: one method {@code echo}, input and output any object */
    public static String echo(String id, String name, String version) {
        return plugin(id, name, version, "echo", EchoPlugin.class.getName());
    }

    /** @return a descriptor for {@link WordCountPlugin}: method {@code word_count}, text in, words out */
    public static String wordCount(String id, String name, String version) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"type\":\"plugin\","
                + "\"interface\":{\"methods\":[\"word_count\"],"
                + "\"input_schema\":{\"word_count\":{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},"
                + "\"required\":[\"text\"]}},"
                + "\"output_schema\":{\"word_count\":{\"type\":\"object\",\"properties\":{\"words\":{\"type\":\"integer\"}},"
                + "\"required\":[\"words\"]}}},"
                + "\"implementation\":{\"runtime\":\"java\",\"entry_point\":\"" + WordCountPlugin.class.getName() + "\"},"
                + "\"security\":{\"permissions\":[],\"sandbox_level\":\"basic\"}}";
    }

    /** @return a descriptor with one method whose input and output schemas are {@code {"type":"object"}} */
    public static String plugin(String id, String name, String version, String method, String entryPoint) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"type\":\"plugin\","
                + "\"interface\":{\"methods\":[\"" + method + "\"],"
                + "\"input_schema\":{\"" + method + "\":{\"type\":\"object\"}},"
                + "\"output_schema\":{\"" + method + "\":{\"type\":\"object\"}}},"
                + "\"implementation\":{\"runtime\":\"java\",\"entry_point\":\"" + entryPoint + "\"}}";
    }
}
