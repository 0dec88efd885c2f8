/**
 * The audit trail of the extension module: one entry for every decision about an extension (permissions
 * granted or held for approval, approvals, sandbox denials, quarantines, releases). Written to the host's
 * log for now; the store module will keep it in its hash-chained audit log. Private implementation package.
 */
package dev.palisade.core.extension.audit;
