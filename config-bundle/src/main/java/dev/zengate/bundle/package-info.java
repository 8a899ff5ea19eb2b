/**
 * The configuration bundle: what the management server publishes through the Hazelcast grid and a
 * gateway node applies. The grid is not a trust boundary, so a bundle is signed (Ed25519, by the
 * management server's key that the node pinned at enrollment) and every secret in it is sealed to
 * the receiving node's X25519 key. Both sides use these classes so that they agree on one format.
 */
package dev.zengate.bundle;
