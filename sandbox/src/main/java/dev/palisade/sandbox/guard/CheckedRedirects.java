package dev.palisade.sandbox.guard;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.util.Set;

/**
 * Opens a URL for {@code URL.openStream}/{@code getContent} the way the JDK does, following HTTP redirects,
 * but with every hop checked against the extension's grants before it is opened: the JDK's own following is
 * turned off, and a redirect to a host:port the extension may not reach is denied (net.connect, the redirect's
 * host:port). Follows what {@link HttpURLConnection} follows by default: 301, 302, 303, 307 and 308 answers with
 * a {@code Location} of the same protocol, at most {@value #MAX_REDIRECTS} times; anything else is answered as
 * it is. Thread-safe (no state).
 */
final class CheckedRedirects {

    /** The JDK's default for {@code http.maxRedirects}. */
    static final int MAX_REDIRECTS = 20;

    private static final Set<Integer> FOLLOWED = Set.of(301, 302, 303, 307, 308);

    private CheckedRedirects() {
    }

    /**
     * @return the connection to the last hop, connected for http(s), not yet connected otherwise
     * @throws dev.palisade.api.sandbox.SandboxViolation if the URL or a redirect is not granted
     * @throws IOException                               if a connection fails
     */
    static URLConnection connect(URL url, String extension) throws IOException {
        URL current = url;
        for (int redirects = 0; ; redirects++) {
            NetGuard.check(current, extension);
            URLConnection connection = current.openConnection();
            if (!(connection instanceof HttpURLConnection http)) {
                return connection;
            }
            http.setInstanceFollowRedirects(false);
            URL next = redirects < MAX_REDIRECTS ? redirectOf(http) : null;
            if (next == null) {
                return http;
            }
            http.disconnect();
            current = next;
        }
    }

    /** @return where the answer redirects to, or null when the JDK would not follow it */
    private static URL redirectOf(HttpURLConnection http) throws IOException {
        if (!FOLLOWED.contains(http.getResponseCode())) {
            return null;
        }
        String location = http.getHeaderField("Location");
        if (location == null) {
            return null;
        }
        URL target;
        try {
            target = new URL(http.getURL(), location);
        } catch (MalformedURLException e) {
            return null;
        }
        return target.getProtocol().equalsIgnoreCase(http.getURL().getProtocol()) ? target : null;
    }
}
