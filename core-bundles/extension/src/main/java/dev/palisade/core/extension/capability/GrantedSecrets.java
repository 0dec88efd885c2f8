package dev.palisade.core.extension.capability;

import dev.palisade.api.capability.Secrets;
import dev.palisade.api.extension.ExtensionException;
import dev.palisade.sandbox.permission.PermissionKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * {@link Secrets} read from the operator's secrets folder ({@code <home>/etc/secrets}), one file per
 * secret, the file's name being the secret's name and its UTF-8 content the value (one trailing
 * line break, as editors and {@code echo} add, is not part of the value). The order of checks
 * keeps ungranted names from learning anything: the name's form first (a name that could leave the
 * folder is refused as {@code invalid_secret_name}), then the secret.read grant (a
 * {@link dev.palisade.api.sandbox.SandboxViolation}), and only then the folder. A missing secret
 * is {@code secret_not_found}, naming only the secret asked for. Thread-safe.
 */
final class GrantedSecrets implements Secrets {

    /** Secret names: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** The largest secret file read. */
    static final int MAX_SECRET_BYTES = 64 * 1024;

    private final InvocationScope scope;
    private final Path folder;

    GrantedSecrets(InvocationScope scope, Path folder) {
        this.scope = scope;
        this.folder = folder;
    }

    @Override
    public String read(String name) {
        scope.requireOpen();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ExtensionException("invalid_secret_name", "secret name " + (name == null ? "null"
                    : "\"" + LogText.escape(name, 200) + "\"") + " is not valid; a name is 1 to 128 letters, digits,"
                    + " '.', '_' or '-', starting with a letter or digit");
        }
        if (!scope.grants().mayReadNamed(PermissionKind.SECRET_READ, name)) {
            throw scope.deny(PermissionKind.SECRET_READ.id(), name);
        }
        Path file = folder.resolve(name);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_SECRET_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw notFound(name);
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw notFound(name);
            }
            throw new ExtensionException("io_error", "secret [" + name + "] could not be read ("
                    + e.getClass().getSimpleName() + "); the operator should check the file's permissions", e);
        }
        if (bytes.length > MAX_SECRET_BYTES) {
            throw new ExtensionException("secret_too_large", "secret [" + name + "] is larger than "
                    + MAX_SECRET_BYTES + " bytes, the most the host reads");
        }
        return stripLineBreak(new String(bytes, StandardCharsets.UTF_8));
    }

    private static ExtensionException notFound(String name) {
        return new ExtensionException("secret_not_found", "secret [" + name + "] is not set; the operator sets it"
                + " as the file etc/secrets/" + name + " in the Palisade home");
    }

    private static String stripLineBreak(String value) {
        if (value.endsWith("\r\n")) {
            return value.substring(0, value.length() - 2);
        }
        if (value.endsWith("\n")) {
            return value.substring(0, value.length() - 1);
        }
        return value;
    }
}
