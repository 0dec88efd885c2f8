/**
 * The plan module's REST resource under {@code /api/v1/mplp/plans}, a servlet the module registers with the
 * HTTP whiteboard. Every answer is {@code application/json}; every error {@code application/problem+json}
 * naming the field and the rule. Private implementation package.
 */
package dev.palisade.core.plan.rest;
