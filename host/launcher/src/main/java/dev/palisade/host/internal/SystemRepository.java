package dev.palisade.host.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

/** The home's system/ folder: bundles and features files in Maven repository layout. Read only. */
public final class SystemRepository {

    private final Path root;

    /** @param root the system/ folder */
    public SystemRepository(Path root) {
        this.root = root;
    }

    /**
     * @param link  the artifact to find
     * @param usage who asks for it, for the error message (such as {@code feature palisade-http})
     * @return the artifact's file
     * @throws PalisadeStartException (BUNDLE_NOT_FOUND) when the file is not there
     */
    public Path resolve(MavenLink link, String usage) {
        Path file = root.resolve(link.repositoryPath());
        if (!Files.isRegularFile(file)) {
            throw new PalisadeStartException(StartFailure.BUNDLE_NOT_FOUND,
                    usage + " names " + link + ", which is not in system/ (expected " + file
                            + "); add the artifact to the distribution or remove it from the feature");
        }
        return file;
    }
}
