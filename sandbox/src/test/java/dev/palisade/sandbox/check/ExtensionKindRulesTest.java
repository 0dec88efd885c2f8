package dev.palisade.sandbox.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.sandbox.testing.fixtures.WordCountPlugin;

class ExtensionKindRulesTest {

    private static final String ID = "5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a";

    @TempDir
    Path dir;

    private static String descriptor(String type, String iface) {
        return "{\"id\":\"" + ID + "\",\"name\":\"k\",\"version\":\"1.0.0\",\"type\":\"" + type + "\","
                + "\"interface\":" + iface + ","
                + "\"implementation\":{\"runtime\":\"java\",\"entry_point\":\"" + WordCountPlugin.class.getName() + "\"}}";
    }

    private ExtensionDescriptor read(String descriptor) throws Exception {
        TestJar jar = TestJar.plugin("com.example.kinds", "1.0.0").addClass(WordCountPlugin.class).descriptor(descriptor);
        try (JarFile file = new JarFile(jar.writeTo(dir.resolve("kinds.jar")).toFile())) {
            return new DescriptorReader().read(file);
        }
    }

    private String refusal(String descriptor) {
        return assertThrows(DeploymentRefusedException.class, () -> read(descriptor)).detail();
    }

    @Test
    void hooksPoliciesAndAdaptersListEventsAndNoMethods() throws Exception {
        ExtensionDescriptor hook = read(descriptor("hook", "{\"events\":[\"before:task.execute\",\"after:plan.create\"]}"));
        assertEquals("hook", hook.type());
        assertEquals(List.of(), hook.methods());
        assertEquals("policy", read(descriptor("policy", "{\"events\":[\"plan.quality_gate\"]}")).type());
        assertEquals("adapter", read(descriptor("adapter", "{\"events\":[\"export:plan\"],\"methods\":[]}")).type());
    }

    @Test
    void aHookWithoutEventsOrWithMethodsIsRefusedNamingEachRule() {
        assertEquals("META-INF/palisade/extension.json has 2 problems: /interface/events [palisade:events-required]:"
                + " a hook lists what it answers, such as \"before:task.execute\" or \"after:plan.create\";"
                + " /interface/methods [palisade:plugin-only]: only a plugin has methods; a hook is called through its"
                + " entry interface: remove methods; fix the descriptor and rebuild the jar",
                refusal(descriptor("hook", "{\"methods\":[\"run\"]}")));
    }

    @Test
    void malformedAndRepeatedEventsAreRefusedByPointer() {
        assertEquals("META-INF/palisade/extension.json has 2 problems: /interface/events/0 [palisade:event-name]:"
                + " \"task.execute\" is not what a hook lists; write entries such as \"before:task.execute\" or"
                + " \"after:plan.create\" (lower-case letters and '_'); /interface/events/2 [palisade:event-unique]:"
                + " \"after:plan.create\" is listed twice; list each once; fix the descriptor and rebuild the jar",
                refusal(descriptor("hook", "{\"events\":[\"task.execute\",\"after:plan.create\",\"after:plan.create\"]}")));
        assertEquals("META-INF/palisade/extension.json has 1 problem: /interface/events/0 [palisade:event-name]:"
                + " \"plan\" is not what an adapter lists; write entries such as \"export:plan\" (lower-case letters and"
                + " '_'); fix the descriptor and rebuild the jar",
                refusal(descriptor("adapter", "{\"events\":[\"plan\"]}")));
    }
}
