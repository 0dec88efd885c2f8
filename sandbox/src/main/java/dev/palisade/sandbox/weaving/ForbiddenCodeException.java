package dev.palisade.sandbox.weaving;

import dev.palisade.sandbox.scan.ScanRow;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A class that may not be loaded: it uses forbidden members, or cannot be woven. The message lists
 * each forbidden site as {@code class.method:line -> member [category]}.
 */
public class ForbiddenCodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ScanRow> sites;

    /**
     * @param extensionId the extension the class belongs to
     * @param className   binary name of the class
     * @param sites       the forbidden sites
     */
    public ForbiddenCodeException(String extensionId, String className, List<ScanRow> sites) {
        super("extension [" + extensionId + "] class [" + className + "] is refused: it uses what extensions may not "
                + "use:" + sites.stream().map(row -> "\n  " + row.location() + " -> " + row.member() + " ["
                + row.permission() + "]").collect(Collectors.joining()));
        this.sites = List.copyOf(sites);
    }

    /** @return the forbidden sites */
    public List<ScanRow> sites() {
        return sites;
    }
}
