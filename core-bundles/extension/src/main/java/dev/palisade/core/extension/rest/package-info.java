/**
 * The extension module's REST resources under {@code /api/v1/mplp/}, servlets registered with the HTTP
 * whiteboard (DS components) over the {@link dev.palisade.host.bridge.ExtensionHost} service. Every
 * answer is {@code application/json}; every error {@code application/problem+json} naming what was wrong.
 * Private implementation package.
 */
package dev.palisade.core.extension.rest;
