/**
 * Helpers the store's repositories share: JSON columns as canonical text, UTC timestamps at
 * microsecond precision, SHA-256. Not for use outside the store bundle.
 */
package dev.palisade.store.internal;
