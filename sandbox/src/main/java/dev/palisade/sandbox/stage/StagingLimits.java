package dev.palisade.sandbox.stage;

/**
 * Bounds a jar must stay within to be staged. All values must be positive.
 *
 * @param maxJarBytes         largest accepted jar file, in bytes
 * @param maxEntries          most entries (files and folders) a jar may hold
 * @param maxEntryBytes       largest uncompressed size of one entry, in bytes
 * @param maxTotalBytes       largest uncompressed size of all entries together, in bytes
 * @param maxCompressionRatio largest uncompressed/compressed ratio of one entry; applied once an
 *                            entry has inflated past {@value #RATIO_GRACE_BYTES} bytes, so small,
 *                            very regular files stay acceptable
 */
public record StagingLimits(long maxJarBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
                            int maxCompressionRatio) {

    /** Uncompressed bytes an entry may reach before its compression ratio is checked. */
    public static final long RATIO_GRACE_BYTES = 100 * 1024;

    private static final long MIB = 1024L * 1024L;

    public StagingLimits {
        requirePositive("maxJarBytes", maxJarBytes);
        requirePositive("maxEntries", maxEntries);
        requirePositive("maxEntryBytes", maxEntryBytes);
        requirePositive("maxTotalBytes", maxTotalBytes);
        requirePositive("maxCompressionRatio", maxCompressionRatio);
    }

    /** @return 64 MiB per jar, 10000 entries, 64 MiB per entry, 256 MiB in total, ratio 100 */
    public static StagingLimits defaults() {
        return new StagingLimits(64 * MIB, 10_000, 64 * MIB, 256 * MIB, 100);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("staging limit " + name + " must be positive, was " + value);
        }
    }
}
