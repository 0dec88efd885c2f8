package dev.palisade.protocol;

/**
 * One way an object breaks its schema or a module's rule.
 *
 * @param field   JSON Pointer of the offending value inside the object ({@code ""} for the object itself)
 * @param rule    the rule it breaks: a JSON Schema keyword ({@code required}, {@code enum},
 *                {@code pattern}, ...) or a module rule ({@code unique}, {@code acyclic}, ...)
 * @param message what is wrong, in words
 */
public record Violation(String field, String rule, String message) {

    /** @return {@code "<field> [<rule>]: <message>"}, with {@code (root)} for the object itself */
    public String line() {
        return (field.isEmpty() ? "(root)" : field) + " [" + rule + "]: " + message;
    }
}
