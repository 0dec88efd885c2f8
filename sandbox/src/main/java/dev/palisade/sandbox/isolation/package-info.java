/**
 * The module layer of the sandbox: a resolver hook so extensions wire only to the API packages
 * (and {@code java.*}, and the guard package their woven code needs), bundle and service
 * find/event hooks that hide the rest of the framework from them, and
 * {@link dev.palisade.sandbox.isolation.SandboxHooks}, which registers these and the weaving hook.
 */
package dev.palisade.sandbox.isolation;
