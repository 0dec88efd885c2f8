package dev.palisade.host.internal;

/**
 * Shortens the framework's report of a bundle that did not start to the part that says why: the
 * missing requirement (Felix appends the same requirement again as "Unresolved requirements"), or
 * the exception and its root cause.
 */
final class ResolutionMessage {

    private ResolutionMessage() {
    }

    static String summarize(Throwable error) {
        String message = OneLine.of(error.getMessage());
        int missing = message.indexOf("missing requirement");
        if (missing >= 0) {
            String why = message.substring(missing);
            int repeat = why.indexOf(" Unresolved requirements:");
            return repeat > 0 ? why.substring(0, repeat) : why;
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? message : message + " caused by " + root.getClass().getName() + ": " + OneLine.of(root.getMessage());
    }
}
