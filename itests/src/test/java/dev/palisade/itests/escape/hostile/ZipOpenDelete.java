package dev.palisade.itests.escape.hostile;

import java.io.File;
import java.util.Map;
import java.util.zip.ZipFile;

import dev.palisade.api.extension.InvocationContext;

/**
 * Hostile fixture: opens the file named by "path", which it may only read, as a ZipFile with
 * OPEN_DELETE, which deletes it.
 */
public final class ZipOpenDelete extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (ZipFile zip = new ZipFile(new File(text(input, "path")), ZipFile.OPEN_READ | ZipFile.OPEN_DELETE)) {
            return zip.size();
        }
    }
}
