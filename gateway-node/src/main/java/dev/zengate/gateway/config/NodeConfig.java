package dev.zengate.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the gateway process itself.
 *
 * @param name node name shown in status and metrics
 * @param tlsProvider TLS implementation for every listener of this node
 * @param admin the admin endpoint (health, status, metrics, reload), loopback by default
 * @param drainTimeout how long a stopping or removed listener waits for its connections
 * @param httpProxy HTTP proxy ({@code http://host:port}) for OCSP requests and CRL downloads, or
 *     null to connect directly
 * @param crlCacheDir where downloaded CRLs are kept across restarts, or null for memory only
 * @param dnsServers name servers for target host names ({@code IP[:PORT]}); those of
 *     /etc/resolv.conf when empty. /etc/hosts is read first either way.
 * @param ntpServers time servers ({@code HOST[:PORT]}) the node checks its clock against (OCSP
 *     answers and certificate validity depend on it); no check when empty
 * @param syslog where the node sends its own events (clock skew, certificate expiry): {@code
 *     host:port} (UDP) or {@code tcp://host:port}; none when null
 * @param expiryWarningDays a node run from a file warns about its own certificates by syslog from
 *     so many days before they expire, then daily (the appliance's manual §2.4: 1-365, default 30)
 */
public record NodeConfig(
    String name,
    TlsProviderKind tlsProvider,
    AdminConfig admin,
    Duration drainTimeout,
    String httpProxy,
    Path crlCacheDir,
    List<String> dnsServers,
    List<String> ntpServers,
    String syslog,
    Integer expiryWarningDays) {

  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_EXPIRY_WARNING_DAYS = 30;

  public NodeConfig {
    tlsProvider = tlsProvider == null ? TlsProviderKind.OPENSSL : tlsProvider;
    admin = admin == null ? AdminConfig.DEFAULT : admin;
    drainTimeout = drainTimeout == null ? DEFAULT_DRAIN_TIMEOUT : drainTimeout;
    dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
    ntpServers = ntpServers == null ? List.of() : List.copyOf(ntpServers);
    expiryWarningDays = expiryWarningDays == null ? DEFAULT_EXPIRY_WARNING_DAYS : expiryWarningDays;
  }

  public NodeConfig resolveAgainst(Path base) {
    return new NodeConfig(
        name,
        tlsProvider,
        admin.resolveAgainst(base),
        drainTimeout,
        httpProxy,
        crlCacheDir == null ? null : CertificateConfig.resolve(base, crlCacheDir),
        dnsServers,
        ntpServers,
        syslog,
        expiryWarningDays);
  }
}
