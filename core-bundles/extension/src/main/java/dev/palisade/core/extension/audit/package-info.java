/**
 * The audit trail of the extension module: one entry for every deployment attempt (its outcome, source,
 * jar hash, publisher and the pipeline steps it passed) and every decision about an extension (permissions
 * granted or held for approval, approvals, forgotten approvals, sandbox denials, timeouts, quarantines,
 * releases), appended to the store's hash-chained audit log with who decided it. Private implementation
 * package.
 */
package dev.palisade.core.extension.audit;
