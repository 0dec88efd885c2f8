package dev.palisade.sandbox.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The parts of java.util that do work for the extension outside the sandbox are refused, not allowed. */
class JavaUtilRulesTest {

    private final MemberRules rules = MemberRules.defaults();

    private Verdict classify(String owner, String name, String descriptor) {
        return rules.classify(new MemberRef(owner, name, descriptor));
    }

    @Test
    void toolProviderIsRefusedAsStartingAProcess() {
        Verdict find = classify("java/util/spi/ToolProvider", "findFirst", "(Ljava/lang/String;)Ljava/util/Optional;");
        assertTrue(find.isForbidden(), find.toString());
        assertEquals("process.start", find.permission());
        Verdict run = classify("java/util/spi/ToolProvider", "run",
                "(Ljava/io/PrintStream;Ljava/io/PrintStream;[Ljava/lang/String;)I");
        assertTrue(run.isForbidden(), run.toString());
    }

    @Test
    void serviceProvidersAndBundleControlsAreRefusedAsClassLoading() {
        for (Verdict verdict : new Verdict[] {
                classify("java/util/ServiceLoader", "load", "(Ljava/lang/Class;)Ljava/util/ServiceLoader;"),
                classify("java/util/spi/ResourceBundleControlProvider", "getControl",
                        "(Ljava/lang/String;)Ljava/util/ResourceBundle$Control;"),
                classify("java/util/ResourceBundle$Control", "newBundle",
                        "(Ljava/lang/String;Ljava/util/Locale;Ljava/lang/String;Ljava/lang/ClassLoader;Z)"
                                + "Ljava/util/ResourceBundle;")}) {
            assertTrue(verdict.isForbidden(), verdict.toString());
            assertEquals("class.loader", verdict.permission());
        }
        assertTrue(classify("java/util/HashMap", "put",
                "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;").isAllowed());
    }

    @Test
    void opensThatCanDeletePassTheirModeOrOptionsToTheGuard() {
        Verdict zip = classify("java/util/zip/ZipFile", "<init>", "(Ljava/io/File;I)V");
        assertEquals("FileGuard.zipOpen", zip.checks().get(0).guardClass() + "." + zip.checks().get(0).method());
        Verdict jar = classify("java/util/jar/JarFile", "<init>", "(Ljava/io/File;ZI)V");
        assertEquals("FileGuard.zipOpen", jar.checks().get(0).guardClass() + "." + jar.checks().get(0).method());
        Verdict stream = classify("java/nio/file/Files", "newInputStream",
                "(Ljava/nio/file/Path;[Ljava/nio/file/OpenOption;)Ljava/io/InputStream;");
        assertEquals("FileOpens.newInputStream",
                stream.checks().get(0).guardClass() + "." + stream.checks().get(0).method());
        Verdict plain = classify("java/util/zip/ZipFile", "<init>", "(Ljava/io/File;)V");
        assertEquals("FileGuard.read", plain.checks().get(0).guardClass() + "." + plain.checks().get(0).method());
    }
}
