package dev.palisade.itests.escape.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import dev.palisade.api.extension.InvocationContext;
import dev.palisade.api.extension.Plugin;
import dev.palisade.api.extension.UnknownMethodException;

/**
 * Not hostile: the escape suite's witness. Method {@code report} answers the JVM-wide state other
 * extensions try to change: default locale and time zone, the identity of System.out and
 * System.err, and the system properties in {@link #PROPERTIES}, which it is granted to read.
 */
public final class Witness implements Plugin {

    /** The extension name the suite deploys it under. */
    public static final String NAME = "escape-witness";

    /** The system properties it is granted (property.read) and reports. */
    public static final List<String> PROPERTIES = List.of("palisade.escape", "java.io.tmpdir", "user.dir");

    @Override
    public Object invoke(String method, Map<String, Object> input, InvocationContext context) {
        if (!method.equals("report")) {
            throw new UnknownMethodException(method);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("locale", Locale.getDefault().toLanguageTag());
        report.put("timezone", TimeZone.getDefault().getID());
        report.put("stdout", System.identityHashCode(System.out));
        report.put("stderr", System.identityHashCode(System.err));
        for (String name : PROPERTIES) {
            report.put("property." + name, System.getProperty(name));
        }
        return report;
    }
}
