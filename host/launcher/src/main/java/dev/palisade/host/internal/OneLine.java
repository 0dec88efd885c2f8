package dev.palisade.host.internal;

/** Folds a message onto one line, for errors that must read as one line. */
final class OneLine {

    private OneLine() {
    }

    static String of(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
