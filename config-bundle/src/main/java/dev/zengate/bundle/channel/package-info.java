/**
 * The node channel's wire model: the typed messages a gateway node and a management server exchange
 * over their mutually authenticated TLS 1.3 connection, one length-prefixed JSON frame each (the
 * Netty codec both ends use), and the single-line form of anything attacker-controlled that reaches
 * a log.
 */
package dev.zengate.bundle.channel;
