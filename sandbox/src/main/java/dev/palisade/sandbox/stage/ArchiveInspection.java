package dev.palisade.sandbox.stage;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks one staged archive twice: through its central directory ({@link ZipFile}, what the
 * framework reads) and through its local headers ({@link ZipInputStream}, what streaming tools
 * read). Both views must list the same entries, each once, with safe names and bounded sizes.
 * Single use, not thread-safe.
 */
final class ArchiveInspection {

    private static final String REBUILD = "rebuild the jar with the jar tool or Maven";

    private final Path file;
    private final String jarName;
    private final StagingLimits limits;
    private final byte[] buffer = new byte[64 * 1024];
    private long totalBytes;

    ArchiveInspection(Path file, String jarName, StagingLimits limits) {
        this.file = file;
        this.jarName = jarName;
        this.limits = limits;
    }

    void run() throws IOException {
        List<String> central = readCentralDirectory();
        totalBytes = 0;
        List<String> local = readLocalHeaders();
        compare(central, local);
    }

    private List<String> readCentralDirectory() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() == 0) {
                throw refusal(RefusalReason.NOT_A_JAR, jarName + " is a zip archive without entries, not a jar; "
                        + "deploy the built extension jar");
            }
            checkEntryCount(zip.size());
            Set<String> seen = new HashSet<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                checkName(entry.getName(), seen, "central directory");
                names.add(entry.getName());
                try (InputStream in = zip.getInputStream(entry)) {
                    readBounded(entry, in);
                }
            }
        } catch (IOException e) {
            throw notAZip(e);
        }
        return names;
    }

    private List<String> readLocalHeaders() throws IOException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                checkEntryCount(names.size() + 1);
                checkName(entry.getName(), seen, "local headers");
                names.add(entry.getName());
                readBounded(entry, in);
            }
        } catch (IOException e) {
            throw notAZip(e);
        }
        return names;
    }

    private void compare(List<String> central, List<String> local) {
        Map<String, Integer> difference = new HashMap<>();
        central.forEach(name -> difference.merge(name, 1, Integer::sum));
        local.forEach(name -> difference.merge(name, -1, Integer::sum));
        for (String name : central) {
            if (difference.get(name) != 0) {
                throw refusal(RefusalReason.DUPLICATE_ENTRY, "entry " + EntryNames.quote(name) + " in " + jarName
                        + " is listed in the central directory but has no local header; the archive was "
                        + "altered after it was built: " + REBUILD);
            }
        }
        for (String name : local) {
            if (difference.get(name) != 0) {
                throw refusal(RefusalReason.DUPLICATE_ENTRY, "entry " + EntryNames.quote(name) + " in " + jarName
                        + " has a local header but is missing from the central directory, so tools disagree "
                        + "about the jar's content: " + REBUILD);
            }
        }
    }

    private void checkEntryCount(int count) {
        if (count > limits.maxEntries()) {
            throw refusal(RefusalReason.TOO_LARGE, jarName + " has more than " + limits.maxEntries()
                    + " entries, the limit for an extension jar; leave out unneeded classes and resources");
        }
    }

    private void checkName(String name, Set<String> seen, String view) {
        EntryNames.problem(name).ifPresent(problem -> {
            throw refusal(RefusalReason.UNSAFE_ENTRY_NAME, "entry " + EntryNames.quote(name) + " in " + jarName
                    + " has an unsafe name: " + problem + "; entry names must be relative paths with '/' "
                    + "between folders: " + REBUILD);
        });
        if (!seen.add(name)) {
            throw refusal(RefusalReason.DUPLICATE_ENTRY, "entry " + EntryNames.quote(name) + " appears more than "
                    + "once in the " + view + " of " + jarName + ", so tools disagree about which copy counts: "
                    + REBUILD);
        }
    }

    private void readBounded(ZipEntry entry, InputStream in) throws IOException {
        String name = EntryNames.quote(entry.getName());
        long declared = entry.getSize();
        long compressed = entry.getCompressedSize();
        long count = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            count += n;
            totalBytes += n;
            if (declared >= 0 && count > declared) {
                throw refusal(RefusalReason.ZIP_BOMB, "entry " + name + " in " + jarName + " declares "
                        + declared + " bytes but inflates to more; " + REBUILD);
            }
            if (count > limits.maxEntryBytes()) {
                throw refusal(RefusalReason.TOO_LARGE, "entry " + name + " in " + jarName + " is larger than "
                        + limits.maxEntryBytes() + " bytes uncompressed, the limit for one entry; make it smaller");
            }
            if (count > StagingLimits.RATIO_GRACE_BYTES && entry.getMethod() == ZipEntry.DEFLATED
                    && compressed > 0 && count / compressed > limits.maxCompressionRatio()) {
                throw refusal(RefusalReason.ZIP_BOMB, "entry " + name + " in " + jarName + " inflates from "
                        + entry.getCompressedSize() + " bytes to more than " + count + " bytes, over the limit of "
                        + limits.maxCompressionRatio() + " times its compressed size; this is how zip bombs are "
                        + "built: store such data in a smaller or less repetitive form");
            }
            if (totalBytes > limits.maxTotalBytes()) {
                throw refusal(RefusalReason.ZIP_BOMB, "the entries of " + jarName + " inflate to more than "
                        + limits.maxTotalBytes() + " bytes in total (limit reached at entry " + name
                        + "); make the jar's content smaller");
            }
        }
        if (declared >= 0 && count != declared) {
            throw refusal(RefusalReason.ZIP_BOMB, "entry " + name + " in " + jarName + " declares " + declared
                    + " bytes but holds " + count + "; " + REBUILD);
        }
    }

    private DeploymentRefusedException notAZip(IOException e) {
        return refusal(RefusalReason.NOT_A_JAR, jarName + " is not a readable jar (" + e.getMessage()
                + "); the file may be truncated or not a jar at all: deploy the complete jar file built by "
                + "the jar tool or Maven");
    }

    private static DeploymentRefusedException refusal(RefusalReason reason, String detail) {
        return new DeploymentRefusedException(reason, detail);
    }
}
