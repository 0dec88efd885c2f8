package dev.palisade.sandbox.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip archives byte by byte, including ones the JDK refuses to write: duplicate names,
 * entries only in the central directory or only in the local headers, and lying sizes.
 * Not thread-safe.
 */
public final class RawZip {

    /** Where an entry is recorded. */
    public enum Placement { BOTH, LOCAL_ONLY, CENTRAL_ONLY }

    private record Entry(String name, byte[] content, boolean deflate, long declaredSize, Placement placement) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a stored (uncompressed) entry recorded in both places. */
    public RawZip stored(String name, byte[] content) {
        entries.add(new Entry(name, content, false, content.length, Placement.BOTH));
        return this;
    }

    /** Adds a deflated entry recorded in both places, declaring {@code declaredSize} as its uncompressed size. */
    public RawZip deflated(String name, byte[] content, long declaredSize) {
        entries.add(new Entry(name, content, true, declaredSize, Placement.BOTH));
        return this;
    }

    /** Adds a stored entry recorded only where {@code placement} says (central-only entries point at the first local header). */
    public RawZip placed(String name, byte[] content, Placement placement) {
        entries.add(new Entry(name, content, false, content.length, placement));
        return this;
    }

    /** Writes the archive to {@code file} and returns it. */
    public Path writeTo(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        int centralCount = 0;
        long firstLocal = -1;
        for (Entry entry : entries) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            byte[] data = entry.deflate() ? deflate(entry.content()) : entry.content();
            CRC32 crc = new CRC32();
            crc.update(entry.content());
            int method = entry.deflate() ? 8 : 0;
            long offset = out.size();
            if (entry.placement() != Placement.CENTRAL_ONLY) {
                if (firstLocal < 0) {
                    firstLocal = offset;
                }
                ByteBuffer local = little(30 + name.length);
                local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) method)
                        .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue())
                        .putInt(data.length).putInt((int) entry.declaredSize()).putShort((short) name.length)
                        .putShort((short) 0).put(name);
                out.writeBytes(local.array());
                out.writeBytes(data);
            } else {
                offset = Math.max(0, firstLocal);
            }
            if (entry.placement() != Placement.LOCAL_ONLY) {
                ByteBuffer record = little(46 + name.length);
                record.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800)
                        .putShort((short) method).putShort((short) 0).putShort((short) 0x21)
                        .putInt((int) crc.getValue()).putInt(data.length).putInt((int) entry.declaredSize())
                        .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                        .putShort((short) 0).putInt(0).putInt((int) offset).put(name);
                central.writeBytes(record.array());
                centralCount++;
            }
        }
        long centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        ByteBuffer end = little(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) centralCount)
                .putShort((short) centralCount).putInt(central.size()).putInt((int) centralOffset).putShort((short) 0);
        out.writeBytes(end.array());
        try {
            Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
