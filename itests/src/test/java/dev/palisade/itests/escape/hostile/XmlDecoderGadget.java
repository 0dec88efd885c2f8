package dev.palisade.itests.escape.hostile;

import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Decodes an XMLEncoder document that calls Runtime.exec to leave a marker file. */
public final class XmlDecoderGadget extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        String xml = "<java><object class=\"java.lang.Runtime\" method=\"getRuntime\"><void method=\"exec\">"
                + "<array class=\"java.lang.String\" length=\"2\"><void index=\"0\"><string>touch</string></void>"
                + "<void index=\"1\"><string>" + marker(input, "xml-decoder") + "</string></void></array>"
                + "</void></object></java>";
        try (XMLDecoder decoder = new XMLDecoder(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            return decoder.readObject();
        }
    }
}
