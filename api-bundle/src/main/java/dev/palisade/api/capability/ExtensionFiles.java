package dev.palisade.api.capability;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Files the extension was granted. A relative path resolves inside the extension's own data folder;
 * {@code ..} and symbolic links are resolved before the grant is checked.
 */
@ProviderType
public interface ExtensionFiles {

    /** @return the file's content as UTF-8 text; needs {@code file.read} */
    String readString(String path);

    /** @return the file's bytes; needs {@code file.read} */
    byte[] readBytes(String path);

    /** Creates or replaces the file, creating missing parent folders; needs {@code file.write}. */
    void writeString(String path, String content);

    /** Creates or replaces the file, creating missing parent folders; needs {@code file.write}. */
    void writeBytes(String path, byte[] content);

    /** @return whether a file or folder exists at the path; needs {@code file.read} */
    boolean exists(String path);

    /** @return the names in a folder, sorted; needs {@code file.read} */
    List<String> list(String folder);

    /** Deletes a file or an empty folder if it exists; needs {@code file.write}. */
    void delete(String path);
}
