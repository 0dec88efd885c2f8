package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Hostile fixture: Reaches its own Bundle and BundleContext through FrameworkUtil and lists every bundle. */
public final class FrameworkUtilAccess extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(getClass());
        return bundle.getBundleContext().getBundles().length;
    }
}
