package dev.palisade.core.plan.schedule;

import java.time.Duration;

/** The MPLP dependency types and what each asks of the later task. */
enum DependencyType {
    /** The later task starts once the earlier one finished. */
    FINISH_TO_START {
        @Override
        Duration earliestStart(Duration fromStart, Duration fromFinish, Duration length) {
            return fromFinish;
        }

        @Override
        Duration latestFinish(Duration toLatestStart, Duration toLatestFinish, Duration length) {
            return toLatestStart;
        }
    },
    /** The later task starts once the earlier one started. */
    START_TO_START {
        @Override
        Duration earliestStart(Duration fromStart, Duration fromFinish, Duration length) {
            return fromStart;
        }

        @Override
        Duration latestFinish(Duration toLatestStart, Duration toLatestFinish, Duration length) {
            return toLatestStart.plus(length);
        }
    },
    /** The later task finishes no earlier than the earlier one finished. */
    FINISH_TO_FINISH {
        @Override
        Duration earliestStart(Duration fromStart, Duration fromFinish, Duration length) {
            return fromFinish.minus(length);
        }

        @Override
        Duration latestFinish(Duration toLatestStart, Duration toLatestFinish, Duration length) {
            return toLatestFinish;
        }
    };

    /** @return the soonest the later task (lasting {@code length}) may start */
    abstract Duration earliestStart(Duration fromStart, Duration fromFinish, Duration length);

    /** @return the latest the earlier task (lasting {@code length}) may finish, given the later one's latest times */
    abstract Duration latestFinish(Duration toLatestStart, Duration toLatestFinish, Duration length);

    /** @return the type named as in the plan schema ({@code finish_to_start}) */
    static DependencyType of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** @return whether the constraint is tight: the earlier task's times fix the later one's start */
    boolean drives(ScheduledTask from, ScheduledTask to) {
        return earliestStart(from.earliestStart(), from.earliestFinish(), to.duration()).equals(to.earliestStart());
    }
}
