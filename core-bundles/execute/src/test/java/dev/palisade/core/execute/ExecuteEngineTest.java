package dev.palisade.core.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExecuteEngineTest {

    @Test
    void thePoolSizeComesFromTheFrameworkPropertyOrDefaultsToEight() {
        assertEquals(8, ExecuteEngine.threads(null));
        assertEquals(3, ExecuteEngine.threads(" 3 "));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ExecuteEngine.threads("0"));
        assertEquals("palisade.execute.threads must be a whole number from 1 to 256, was '0'; fix it in "
                + "etc/palisade.properties", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExecuteEngine.threads("many"));
    }
}
