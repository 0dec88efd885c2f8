package dev.palisade.sandbox.guard;

import dev.palisade.sandbox.policy.DecisionPoint;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Network checks woven before connecting and name-resolving calls of extension code. A connection
 * needs net.connect for host:port (by the name asked for, or by a granted address literal);
 * resolving a name needs net.connect for that host on some port. Never resolves names itself. The JDK
 * follows no HTTP redirect for an extension unchecked: {@code URL.openStream}/{@code getContent} follow
 * them hop by hop with each target checked, connections from {@code URL.openConnection} and
 * {@code HttpClient} follow none. Called only by woven code; thread-safe.
 */
public final class NetGuard {

    private static final String PERMISSION = "net.connect";

    private NetGuard() {
    }

    /** Before {@code Socket.connect(address)}. */
    public static void connect(SocketAddress address, String extension) {
        if (!(address instanceof InetSocketAddress inet)) {
            throw DecisionPoint.deny(extension, PERMISSION, String.valueOf(address));
        }
        String ip = inet.isUnresolved() ? null : inet.getAddress().getHostAddress();
        require(inet.getHostString(), ip, inet.getPort(), extension);
    }

    /** Before {@code new Socket(host, port)}; a {@code null} host is the loopback address. */
    public static void connect(String host, int port, String extension) {
        if (host == null || host.isEmpty()) {
            require("localhost", InetAddress.getLoopbackAddress().getHostAddress(), port, extension);
        } else {
            require(host, null, port, extension);
        }
    }

    /** Before {@code new Socket(address, port)}. */
    public static void connect(InetAddress address, int port, String extension) {
        if (address == null) {
            throw DecisionPoint.deny(extension, PERMISSION, "null:" + port);
        }
        require(knownName(address), address.getHostAddress(), port, extension);
    }

    /**
     * Before {@code InetAddress.getByAddress(host, address)} (and Inet6Address's variants): an address may carry a
     * host name only when the name came from a resolution the grants allowed, because a name grant is matched
     * against the name an address carries. Attaching a name to an arbitrary address is therefore denied; a
     * {@code null} or empty name (no name) is allowed.
     */
    public static void nameAddress(String host, byte[] address, String extension) {
        if (host != null && !host.isEmpty()) {
            String shown = address == null ? "null" : addressText(address);
            throw DecisionPoint.deny(extension, PERMISSION, host + "/" + shown);
        }
    }

    private static String addressText(byte[] address) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < address.length; i++) {
            if (i > 0) {
                text.append(address.length == 4 ? "." : ":");
            }
            text.append(address.length == 4 ? Integer.toString(address[i] & 0xff)
                    : Integer.toHexString(address[i] & 0xff));
        }
        return text.toString();
    }

    /** Before {@code InetAddress.getByName(host)} and friends; a {@code null} or empty host is the loopback address. */
    public static void resolve(String host, String extension) {
        String name = host == null || host.isEmpty() ? "localhost" : host;
        if (!DecisionPoint.grants(extension).mayResolve(name)) {
            throw DecisionPoint.deny(extension, PERMISSION, name);
        }
    }

    /**
     * Instead of {@code url.openConnection()}: checks the URL like {@link #openStream}, then returns the JDK's
     * connection with redirects turned off, so a 3xx answer reaches the extension as it is (its {@code Location}
     * header names where the server points; opening that URL is checked again).
     */
    public static URLConnection openConnection(URL url, String extension) throws IOException {
        check(url, extension);
        URLConnection connection = url.openConnection();
        if (connection instanceof HttpURLConnection http) {
            http.setInstanceFollowRedirects(false);
        }
        return connection;
    }

    /**
     * Instead of {@code url.openStream()}: http(s) needs net.connect for the URL's host:port and for the
     * host:port of every redirect the JDK would follow, each checked before it is opened (see
     * {@link CheckedRedirects}); file needs file.read; any other protocol is denied.
     */
    public static InputStream openStream(URL url, String extension) throws IOException {
        return CheckedRedirects.connect(url, extension).getInputStream();
    }

    /** Instead of {@code url.getContent()}: checked like {@link #openStream}. */
    public static Object getContent(URL url, String extension) throws IOException {
        return CheckedRedirects.connect(url, extension).getContent();
    }

    /** Instead of {@code url.getContent(classes)}: checked like {@link #openStream}. */
    public static Object getContent(URL url, Class<?>[] classes, String extension) throws IOException {
        return CheckedRedirects.connect(url, extension).getContent(classes);
    }

    /**
     * Before {@code HttpURLConnection.setInstanceFollowRedirects(follow)}: turning redirects on is denied
     * (net.connect, target the connection's host:port and "redirects"), since the JDK would follow them
     * unchecked; turning them off is allowed.
     */
    public static void followRedirects(HttpURLConnection connection, boolean follow, String extension) {
        if (follow) {
            URL url = connection.getURL();
            throw DecisionPoint.deny(extension, PERMISSION, hostPort(url.getHost(), port(url)) + " (following redirects)");
        }
    }

    /** http(s) needs net.connect for the URL's host:port, file needs file.read, anything else is denied. */
    static void check(URL url, String extension) {
        String protocol = url.getProtocol().toLowerCase(Locale.ROOT);
        if (protocol.equals("http") || protocol.equals("https")) {
            require(url.getHost(), null, port(url), extension);
        } else if (protocol.equals("file")) {
            Path path;
            try {
                path = Path.of(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw DecisionPoint.deny(extension, "file.read", url.toString());
            }
            FileGuard.read(path, extension);
        } else {
            throw DecisionPoint.deny(extension, PERMISSION, url.toString());
        }
    }

    private static int port(URL url) {
        return url.getPort() == -1 ? url.getDefaultPort() : url.getPort();
    }

    /** Before {@code HttpClient.send(request, ...)} and {@code sendAsync}. */
    public static void send(HttpRequest request, String extension) {
        URI uri = request.uri();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw DecisionPoint.deny(extension, PERMISSION, uri.toString());
        }
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        require(uri.getHost(), null, port, extension);
    }

    private static void require(String host, String ip, int port, String extension) {
        if (!DecisionPoint.grants(extension).mayConnect(host, ip, port)) {
            throw DecisionPoint.deny(extension, PERMISSION, hostPort(host == null ? ip : host, port));
        }
    }

    private static String hostPort(String host, int port) {
        return (host != null && host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** @return the host name the address was created with, without a reverse lookup; null if none */
    private static String knownName(InetAddress address) {
        String text = address.toString();
        int slash = text.indexOf('/');
        return slash <= 0 ? null : text.substring(0, slash);
    }
}
