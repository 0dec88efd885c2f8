package dev.palisade.store.backup;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.store.StoreException;
import dev.palisade.store.internal.JsonText;

/** The header line, and reading a backup file line by line with clear errors. */
final class BackupFiles {

    static final String FORMAT = "palisade-store-backup";

    private BackupFiles() {
    }

    static void writeHeader(JsonGenerator out, BackupHeader h) throws IOException {
        out.writeStartObject();
        out.writeStringField("format", FORMAT);
        out.writeNumberField("formatVersion", h.formatVersion());
        out.writeStringField("schemaVersion", h.schemaVersion());
        out.writeStringField("database", h.database());
        out.writeStringField("createdAt", h.createdAt().toString());
        out.writeStringField("newestDataAt", h.newestDataAt() == null ? null : h.newestDataAt().toString());
        out.writeObjectFieldStart("rows");
        for (Map.Entry<String, Long> e : h.rows().entrySet()) {
            out.writeNumberField(e.getKey(), e.getValue());
        }
        out.writeEndObject();
        out.writeObjectFieldStart("modules");
        for (Map.Entry<String, String> e : h.modules().entrySet()) {
            out.writeStringField(e.getKey(), e.getValue());
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    /** A backup file opened for reading; {@link #header()} is read and checked at open. */
    static final class Reader implements AutoCloseable {

        private final Path file;
        private final BufferedReader in;
        private final BackupHeader header;
        private long line = 1;

        Reader(Path file) {
            this.file = file;
            try {
                this.in = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new StoreException("backup file " + file + " does not exist");
            } catch (ZipException | EOFException e) {
                throw new BackupFormatException("backup file " + file
                        + " is not a Palisade backup (not gzip data); give the file written by a backup", e);
            } catch (IOException e) {
                throw new StoreException("reading backup file " + file + " failed: " + e.getMessage(), e);
            }
            this.header = parseHeader(next());
        }

        BackupHeader header() {
            return header;
        }

        /** @return the next line parsed, or {@code null} at the end of the file */
        JsonNode next() {
            String text;
            try {
                text = in.readLine();
            } catch (EOFException | ZipException e) {
                throw truncated(e);
            } catch (IOException e) {
                throw new StoreException("reading backup file " + file + " failed at line " + line + ": "
                        + e.getMessage(), e);
            }
            if (text == null) {
                return null;
            }
            try {
                JsonNode node = JsonText.mapper().readTree(text);
                line++;
                return node;
            } catch (JsonProcessingException e) {
                throw new BackupFormatException("backup file " + file + " line " + line + " is not JSON: "
                        + e.getOriginalMessage(), e);
            }
        }

        long lineNumber() {
            return line;
        }

        BackupFormatException truncated(Exception cause) {
            return new BackupFormatException("backup file " + file + " is truncated or damaged after line " + line
                    + "; nothing was restored", cause);
        }

        BackupFormatException malformed(String what) {
            return new BackupFormatException("backup file " + file + " line " + line + ": " + what
                    + "; nothing was restored", null);
        }

        private BackupHeader parseHeader(JsonNode h) {
            if (h == null || !h.isObject() || !FORMAT.equals(h.path("format").asText())) {
                throw new BackupFormatException("backup file " + file + " does not start with a \"" + FORMAT
                        + "\" header; it is not a Palisade backup", null);
            }
            int version = h.path("formatVersion").asInt(-1);
            if (version != Backups.FORMAT_VERSION) {
                throw new BackupFormatException("backup file " + file + " has format version " + version
                        + "; this Palisade reads version " + Backups.FORMAT_VERSION, null);
            }
            try {
                Map<String, Long> rows = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = h.path("rows").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    rows.put(e.getKey(), e.getValue().asLong());
                }
                Map<String, String> modules = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = h.path("modules").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    modules.put(e.getKey(), e.getValue().asText());
                }
                JsonNode newest = h.path("newestDataAt");
                return new BackupHeader(version, h.path("schemaVersion").asText(), h.path("database").asText(),
                        Instant.parse(h.path("createdAt").asText()),
                        newest.isNull() || newest.isMissingNode() ? null : Instant.parse(newest.asText()), rows,
                        modules);
            } catch (DateTimeParseException e) {
                throw new BackupFormatException("backup file " + file + " has a header with a malformed time: "
                        + e.getParsedString(), e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only file
            }
        }
    }
}
