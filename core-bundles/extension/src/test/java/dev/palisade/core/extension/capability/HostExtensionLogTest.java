package dev.palisade.core.extension.capability;

import dev.palisade.api.capability.ExtensionLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostExtensionLogTest {

    @TempDir
    Path temp;

    private final Logger julLogger = Logger.getLogger(CapabilityFactory.LOGGER_NAME);
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        julLogger.setUseParentHandlers(false);
        julLogger.addHandler(handler);
    }

    @AfterEach
    void release() {
        julLogger.removeHandler(handler);
        julLogger.setUseParentHandlers(true);
    }

    @Test
    void linesAreTaggedWithExtensionAndInvocationAtTheirLevel() {
        CapabilityTesting t = new CapabilityTesting(temp);
        InvocationCapabilities capabilities = t.capabilities();
        ExtensionLog log = capabilities.log();
        log.info("starting {0}");
        log.warn("careful");
        log.error("broken");

        String tag = "[extension test-extension " + t.extensionId + " invocation " + capabilities.invocationId() + "] ";
        assertEquals(3, records.size());
        assertEquals(tag + "starting {0}", records.get(0).getMessage());
        assertEquals(Level.INFO, records.get(0).getLevel());
        assertEquals(tag + "careful", records.get(1).getMessage());
        assertEquals(Level.WARNING, records.get(1).getLevel());
        assertEquals(Level.SEVERE, records.get(2).getLevel());
    }

    @Test
    void controlCharactersAreEscapedSoALineCannotBeForged() {
        CapabilityTesting t = new CapabilityTesting(temp);
        InvocationCapabilities capabilities = t.capabilities();
        capabilities.log().info("done\n2024-01-01 SEVERE [extension admin] root password changed\r\t\u001b[31m\\n\u2028\u202e");

        String message = records.get(0).getMessage();
        assertTrue(message.endsWith("] done\\n2024-01-01 SEVERE [extension admin] root password changed\\r\\t"
                + "\\u001b[31m\\\\n\\u2028\\u202e"), message);
        assertTrue(message.chars().noneMatch(Character::isISOControl), message);
    }

    @Test
    void longMessagesAreCutAndFloodsAreStopped() {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionLog log = t.capabilities().log();
        log.info("x".repeat(HostExtensionLog.MAX_MESSAGE_CHARS + 500));
        assertTrue(records.get(0).getMessage().endsWith("x... (500 more characters)"));
        assertEquals(HostExtensionLog.MAX_MESSAGE_CHARS + "... (500 more characters)".length(),
                records.get(0).getMessage().length() - records.get(0).getMessage().indexOf("] ") - 2);

        for (int i = 0; i < HostExtensionLog.MAX_LINES + 50; i++) {
            log.info("line " + i);
        }
        assertEquals(HostExtensionLog.MAX_LINES + 1, records.size());
        assertTrue(records.get(records.size() - 1).getMessage().endsWith("wrote more than 1000 log lines in one"
                + " invocation; further lines of this invocation are dropped"));
    }
}
