package dev.palisade.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EventHubTest {

    @Test
    void aSubscriberGetsWhatItsFilterAcceptsInOrder() throws Exception {
        EventHub<Integer> hub = new EventHub<>();
        try (Subscription<Integer> even = hub.subscribe(i -> i % 2 == 0, 10)) {
            for (int i = 0; i < 5; i++) {
                hub.publish(i);
            }
            assertEquals(Optional.of(0), even.next(Duration.ZERO));
            assertEquals(Optional.of(2), even.next(Duration.ZERO));
            assertEquals(Optional.of(4), even.next(Duration.ZERO));
            assertEquals(Optional.empty(), even.next(Duration.ofMillis(10)));
        }
        assertEquals(0, hub.subscribers());
    }

    @Test
    void aSlowSubscriberLosesTheOldestAndIsToldHowMany() throws Exception {
        EventHub<Integer> hub = new EventHub<>();
        Subscription<Integer> slow = hub.subscribe(i -> true, 2);
        for (int i = 0; i < 5; i++) {
            hub.publish(i);
        }
        assertEquals(3, slow.takeDropped());
        assertEquals(Optional.of(3), slow.next(Duration.ZERO));
        hub.close();
        assertEquals(Optional.of(4), slow.next(Duration.ZERO));
        assertTrue(slow.finished());
    }
}
