package dev.palisade.host.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

/**
 * Finds the port the HTTP whiteboard actually listens on, from the {@code osgi.http.endpoint}
 * property of its runtime service (so that port 0 reports the port Jetty picked).
 */
final class HttpEndpoint {

    private static final String ENDPOINT = "osgi.http.endpoint";

    private HttpEndpoint() {
    }

    /**
     * @param context   the system bundle's context
     * @param requested the configured port
     * @return the listening port; the requested one when no HTTP runtime is registered
     * @throws PalisadeStartException (NOT_READY) when port 0 was requested and no endpoint says
     *         which port was chosen
     */
    static int port(BundleContext context, int requested) {
        for (String endpoint : endpoints(context)) {
            URI uri = URI.create(endpoint);
            if ("http".equals(uri.getScheme()) && uri.getPort() > 0) {
                return uri.getPort();
            }
        }
        if (requested == 0) {
            throw new PalisadeStartException(StartFailure.NOT_READY, "port 0 (any free port) was requested, but no "
                    + HostSettings.HTTP_RUNTIME + " service reports its " + ENDPOINT + "; keep palisade-http in the boot features"
                    + " and " + HostSettings.HTTP_RUNTIME + " in " + HostSettings.READY_SERVICES);
        }
        return requested;
    }

    /**
     * @param port the port the HTTP runtime reported
     * @throws PalisadeStartException (NOT_READY) when nothing accepts connections there
     */
    static void requireListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 2000);
        } catch (IOException e) {
            throw new PalisadeStartException(StartFailure.NOT_READY, "the HTTP runtime is registered, but nothing listens on 127.0.0.1:"
                    + port + " (" + e.getMessage() + "); see the log of org.apache.felix.http.jetty12 (port taken meanwhile?)", e);
        }
    }

    private static List<String> endpoints(BundleContext context) {
        List<String> endpoints = new ArrayList<>();
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(HostSettings.HTTP_RUNTIME, null);
            if (references == null) {
                return endpoints;
            }
            for (ServiceReference<?> reference : references) {
                Object value = reference.getProperty(ENDPOINT);
                if (value instanceof String text) {
                    endpoints.add(text);
                } else if (value instanceof Collection<?> values) {
                    values.forEach(v -> endpoints.add(String.valueOf(v)));
                } else if (value != null && value.getClass().isArray()) {
                    for (int i = 0; i < Array.getLength(value); i++) {
                        endpoints.add(String.valueOf(Array.get(value, i)));
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter cannot be invalid", e);
        }
        return endpoints;
    }
}
