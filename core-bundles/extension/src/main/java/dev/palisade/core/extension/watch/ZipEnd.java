package dev.palisade.core.extension.watch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tells whether a file ends with a zip archive's end-of-central-directory record, which a writer
 * puts last: a jar that has it is complete and need not wait out the settle time. This only says
 * "written to the end"; whether the archive is sound is the deploy pipeline's question.
 * Stateless and thread-safe.
 */
final class ZipEnd {

    private static final int RECORD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int SIGNATURE = 0x06054b50;

    private ZipEnd() {
    }

    /** @return true when the file ends with an end-of-central-directory record; false otherwise */
    static boolean isComplete(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < RECORD_SIZE) {
                return false;
            }
            int tailLength = (int) Math.min(size, RECORD_SIZE + MAX_COMMENT);
            ByteBuffer tail = ByteBuffer.allocate(tailLength).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(tail, size - tailLength);
            for (int at = tailLength - RECORD_SIZE; at >= 0; at--) {
                if (tail.getInt(at) == SIGNATURE
                        && (tail.getShort(at + 20) & 0xFFFF) == tailLength - at - RECORD_SIZE) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
