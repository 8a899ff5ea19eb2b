/**
 * The management side of the node channel: a Netty TLS 1.3 listener per member that authenticates
 * each gateway node by its client certificate, holds one connection per node, rate-limits and
 * bounds what nodes send, and hands identified requests to the application.
 */
package dev.zengate.management.infrastructure.channel;
