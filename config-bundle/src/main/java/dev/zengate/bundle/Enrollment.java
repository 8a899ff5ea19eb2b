package dev.zengate.bundle;

import java.util.List;

/**
 * The management server's answer to a successful enrollment: who the node is, the key its bundles
 * are signed with, and how to reach the grid.
 *
 * @param signingKey base64url Ed25519 SubjectPublicKeyInfo; its fingerprint must equal the token's
 * @param gridCluster Hazelcast cluster name
 * @param gridMembers member addresses ({@code host:port})
 */
public record Enrollment(
    long pairId,
    String pairName,
    long nodeId,
    String nodeName,
    String signingKey,
    String gridCluster,
    List<String> gridMembers) {}
