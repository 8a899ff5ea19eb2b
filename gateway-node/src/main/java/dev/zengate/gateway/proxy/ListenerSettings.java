package dev.zengate.gateway.proxy;

import dev.zengate.gateway.config.ConnectionLimits;
import dev.zengate.gateway.config.HostPort;
import dev.zengate.gateway.config.ListenerMode;
import dev.zengate.gateway.tls.TlsOffer;
import dev.zengate.gateway.trust.identity.ClientCertificateSelector;
import dev.zengate.gateway.trust.revocation.OcspStaple;
import dev.zengate.gateway.trust.revocation.RevocationService;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Everything a connection on one listener needs, compiled from configuration. Immutable: a reload
 * swaps the whole object, and each connection reads it once when it is accepted.
 *
 * @param downstreamContext termination context, null in client mode
 * @param upstreamContext origination context, null in server mode
 * @param upstreamPeerName name sent as SNI (when a DNS name) and checked in the certificate
 * @param sourceAddress local address for outgoing connections, null for the system's choice
 * @param downstreamRevocation checks partners' client certificates, null when not configured
 * @param upstreamRevocation checks the target's server certificate, null when not configured
 * @param downstreamAllowed versions and suites partners may use, to explain failed handshakes; null
 *     in client mode
 * @param downstreamStaple the OCSP response to staple on termination, null when not stapling
 * @param nameServers DNS servers for a host-name target; the system's when empty
 * @param upstreamIdentity chooses the client certificate presented to the target, null when none
 */
public record ListenerSettings(
    String name,
    ListenerMode mode,
    HostPort bind,
    HostPort target,
    SslContext downstreamContext,
    SslContext upstreamContext,
    String upstreamPeerName,
    InetAddress sourceAddress,
    ConnectionLimits limits,
    RevocationService downstreamRevocation,
    RevocationService upstreamRevocation,
    TlsOffer downstreamAllowed,
    OcspStaple downstreamStaple,
    List<InetSocketAddress> nameServers,
    ClientCertificateSelector upstreamIdentity) {}
