/**
 * The gateway node's end of the node channel: one mutually authenticated TLS 1.3 connection to any
 * member of the management cluster, carrying bundles in and reports, lease renewals and witness
 * questions out; reconnecting across members with backoff and jitter.
 */
package dev.zengate.gateway.managed.channel;
