package dev.palisade.host.bridge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A deployed extension as the registry shows it.
 *
 * @param id          the descriptor's id (uuid)
 * @param name        the descriptor's name
 * @param version     the serving version
 * @param type        the extension kind (plugin, adapter, hook, policy)
 * @param state       the serving state, such as {@code active}
 * @param publisher   the signer certificate's subject
 * @param fingerprint hex SHA-256 of the signer certificate
 * @param methods     the method names the descriptor lists
 * @param deployedAt  when this version started serving
 * @param source      where this version came from
 * @param descriptor  the full MPLP Extension object, as JSON-compatible values
 */
public record ExtensionInfo(
        String id,
        String name,
        String version,
        String type,
        String state,
        String publisher,
        String fingerprint,
        List<String> methods,
        Instant deployedAt,
        DeploymentSource source,
        Map<String, Object> descriptor) {
}
