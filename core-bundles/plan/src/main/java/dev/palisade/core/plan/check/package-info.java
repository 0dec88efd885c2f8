/**
 * The plan rules beyond the MPLP schema: unique task ids, dependencies on known tasks and without cycles
 * (the cycle named by task names), task durations, and the execute engine's task fields. Pure functions of
 * a plan's JSON; private implementation package.
 */
package dev.palisade.core.plan.check;
