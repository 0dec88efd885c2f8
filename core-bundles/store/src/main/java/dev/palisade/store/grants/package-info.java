/**
 * Permission grants: which extension may do what to which target, who granted it and when. One row
 * per (extension id, permission, target); granting again updates who and when.
 */
package dev.palisade.store.grants;
