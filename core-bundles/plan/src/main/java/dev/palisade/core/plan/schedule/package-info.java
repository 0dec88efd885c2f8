/**
 * A plan's timeline by the critical path method: earliest and latest start and finish of each task under the
 * three MPLP dependency types, slack, total duration and the critical path. Pure functions of a plan's JSON;
 * private implementation package.
 */
package dev.palisade.core.plan.schedule;
