package dev.zengate.management.application;

/**
 * What publishing did for one node.
 *
 * @param outcome {@code published}, {@code unchanged} (the node already has this content), {@code
 *     not-enrolled}
 */
public record Publication(
    long nodeId, String nodeName, String outcome, long version, String contentHash) {}
