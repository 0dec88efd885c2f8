package dev.palisade.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * The one Jackson setup of the core bundles. Records serialize with their component names (camelCase),
 * {@link Instant}s as ISO-8601 strings ({@code 2026-01-02T03:04:05.678Z}), enums by name, nulls
 * included. Reading fails on duplicate keys and on trailing content after the value. Thread-safe.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("palisade-web").addSerializer(Instant.class, new InstantSerializer()))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /** @return the shared, fully configured mapper; never reconfigure it */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes a value as JSON.
     *
     * @throws IOException when the stream fails; a value Jackson cannot serialize is a programming error
     *         and surfaces as {@link com.fasterxml.jackson.databind.JsonMappingException}
     */
    public static void write(OutputStream out, Object value) throws IOException {
        MAPPER.writeValue(out, value);
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }
}
