package dev.palisade.core.extension;

/** A public class with a no-argument constructor that does not implement Plugin, for failed deployments. */
public class NotAPlugin {
}
