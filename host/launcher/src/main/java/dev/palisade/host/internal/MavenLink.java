package dev.palisade.host.internal;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * An {@code mvn:groupId/artifactId/version[/type[/classifier]]} link, as the features file writes
 * bundle locations. Type defaults to {@code jar}; an empty type segment also means {@code jar}.
 * Repository prefixes ({@code mvn:http://repo!g/a/v}) and version ranges are not supported: every
 * bundle comes from the home's system/ folder.
 */
public record MavenLink(String groupId, String artifactId, String version, String type, String classifier) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

    /**
     * @param text the link, such as {@code mvn:org.apache.felix/org.apache.felix.scr/2.2.18}
     * @return the parsed link
     * @throws IllegalArgumentException naming what is wrong with the link
     */
    public static MavenLink parse(String text) {
        String link = text.strip();
        if (!link.startsWith("mvn:")) {
            throw new IllegalArgumentException("bundle location [" + link
                    + "] is not an mvn: link; write mvn:groupId/artifactId/version[/type[/classifier]]");
        }
        String[] parts = link.substring(4).split("/", -1);
        if (parts.length < 3 || parts.length > 5) {
            throw new IllegalArgumentException("mvn link [" + link + "] has " + parts.length
                    + " segments; write mvn:groupId/artifactId/version[/type[/classifier]]");
        }
        String group = requireSegment(link, "groupId", parts[0]);
        String artifact = requireSegment(link, "artifactId", parts[1]);
        String version = requireSegment(link, "version", parts[2]);
        String type = parts.length > 3 && !parts[3].isEmpty() ? requireSegment(link, "type", parts[3]) : "jar";
        String classifier = parts.length > 4 && !parts[4].isEmpty() ? requireSegment(link, "classifier", parts[4]) : null;
        return new MavenLink(group, artifact, version, type, classifier);
    }

    private static String requireSegment(String link, String name, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("mvn link [" + link + "] has an empty " + name
                    + "; write mvn:groupId/artifactId/version[/type[/classifier]]");
        }
        if (!SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException("mvn link [" + link + "] has " + name + " [" + value
                    + "], which is not a plain name (letters, digits, '.', '-' and '_', not starting with '.' or '-')"
                    + " (repository prefixes and version ranges are not supported)");
        }
        return value;
    }

    /** @return the artifact's path inside a Maven repository, such as {@code g/r/p/a/1.0/a-1.0.jar} */
    public Path repositoryPath() {
        String fileName = artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
        return Path.of(groupId.replace('.', '/'), artifactId, version, fileName);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("mvn:").append(groupId).append('/').append(artifactId).append('/').append(version);
        if (classifier != null) {
            text.append('/').append(type).append('/').append(classifier);
        } else if (!"jar".equals(type)) {
            text.append('/').append(type);
        }
        return text.toString();
    }
}
