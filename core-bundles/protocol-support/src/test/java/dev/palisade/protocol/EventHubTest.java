package dev.palisade.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.HostProblem;

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

    @Test
    void pastTheCapASubscriptionIsRefusedWith503AndAClosedOneFreesItsPlace() {
        EventHub<Integer> hub = new EventHub<>(2);
        Subscription<Integer> first = hub.subscribe(i -> true, 1);
        hub.subscribe(i -> true, 1);

        HostProblem full = assertThrows(HostProblem.class, () -> hub.subscribe(i -> true, 1));
        assertEquals(503, full.status());
        assertEquals("stream-limit", full.type());
        assertEquals("all 2 live streams of this kind are open; retry after 5 seconds or close a stream you hold",
                full.detail());
        assertEquals(Map.of("limit", 2, "retry_after_seconds", 5), full.properties());
        assertEquals(2, hub.subscribers());

        first.close();
        hub.subscribe(i -> true, 1);
        assertEquals(2, hub.subscribers());
    }

    @Test
    void aHubHoldsThirtyTwoStreamsByDefault() {
        EventHub<Integer> hub = new EventHub<>();
        for (int i = 0; i < EventHub.DEFAULT_MAX_SUBSCRIBERS; i++) {
            hub.subscribe(e -> true, 1);
        }
        assertEquals(32, hub.maxSubscribers());
        assertEquals(503, assertThrows(HostProblem.class, () -> hub.subscribe(e -> true, 1)).status());
    }
}
