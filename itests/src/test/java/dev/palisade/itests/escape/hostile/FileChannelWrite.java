package dev.palisade.itests.escape.hostile;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Writes a file through FileChannel.open, hoping channels are not guarded. */
public final class FileChannelWrite extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(marker(input, "file-channel")), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            return channel.write(ByteBuffer.wrap(new byte[] {1}));
        }
    }
}
