/**
 * The install-time bytecode scan and the rules it shares with the weaving hook.
 * {@link dev.palisade.sandbox.scan.MemberRules} (data: {@code jdk-members.rules}) classifies each JDK
 * member an extension references as allowed, guarded (with the guard checks and the permission it
 * needs) or forbidden (with a never-granted category, "unsupported" or "not-allowlisted": deny by
 * default). {@link dev.palisade.sandbox.scan.ClassInspector} finds the sites of one class without
 * loading it; {@link dev.palisade.sandbox.scan.BytecodeScanner} scans a whole jar into a
 * {@link dev.palisade.sandbox.scan.ScanReport} whose rows are JSON-ready and which refuses the jar
 * ({@code FORBIDDEN_CALL}) when any site is forbidden.
 */
package dev.palisade.sandbox.scan;
