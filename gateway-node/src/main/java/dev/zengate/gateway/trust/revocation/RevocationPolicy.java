package dev.zengate.gateway.trust.revocation;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A listener's revocation settings, as the appliance's manual lists them and a little beyond.
 *
 * @param mode which sources to consult
 * @param softFail when true, a responder or CRL that cannot be reached lets the chain through with
 *     a warning; hard-fail (false, the default) refuses it
 * @param acceptWithoutLocation when true, a certificate with no AIA OCSP URL (or no CRL
 *     distribution point) and no configured URL is accepted; refused by default
 * @param leafOnly when true only the peer's own certificate is checked, else every certificate
 *     below the trust anchor
 * @param ocspUrl responder to ask instead of the one in the certificate's AIA, or null
 * @param crlUrl CRL to fetch instead of the certificate's distribution point, or null
 * @param proxy HTTP proxy for OCSP and CRL fetching ({@code http://host:port}), or null
 * @param timeout how long one fetch may take
 */
public record RevocationPolicy(
    RevocationMode mode,
    boolean softFail,
    boolean acceptWithoutLocation,
    boolean leafOnly,
    URI ocspUrl,
    URI crlUrl,
    URI proxy,
    Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public RevocationPolicy {
    Objects.requireNonNull(mode, "mode");
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("revocation timeout must be positive");
    }
    if (proxy != null && (proxy.getHost() == null || proxy.getPort() < 0)) {
      throw new IllegalArgumentException("proxy must look like http://host:port, was " + proxy);
    }
  }

  /** Hard-fail, refuse certificates without a location, whole chain, 5 s timeout. */
  public static RevocationPolicy of(RevocationMode mode) {
    return new RevocationPolicy(mode, false, false, false, null, null, null, null);
  }

  public RevocationPolicy withSoftFail(boolean soft) {
    return new RevocationPolicy(
        mode, soft, acceptWithoutLocation, leafOnly, ocspUrl, crlUrl, proxy, timeout);
  }

  public RevocationPolicy withAcceptWithoutLocation(boolean accept) {
    return new RevocationPolicy(mode, softFail, accept, leafOnly, ocspUrl, crlUrl, proxy, timeout);
  }

  public RevocationPolicy withLeafOnly(boolean leaf) {
    return new RevocationPolicy(
        mode, softFail, acceptWithoutLocation, leaf, ocspUrl, crlUrl, proxy, timeout);
  }

  public RevocationPolicy withOcspUrl(URI url) {
    return new RevocationPolicy(
        mode, softFail, acceptWithoutLocation, leafOnly, url, crlUrl, proxy, timeout);
  }

  public RevocationPolicy withCrlUrl(URI url) {
    return new RevocationPolicy(
        mode, softFail, acceptWithoutLocation, leafOnly, ocspUrl, url, proxy, timeout);
  }

  public RevocationPolicy withProxy(URI proxyUrl) {
    return new RevocationPolicy(
        mode, softFail, acceptWithoutLocation, leafOnly, ocspUrl, crlUrl, proxyUrl, timeout);
  }

  public RevocationPolicy withTimeout(Duration limit) {
    return new RevocationPolicy(
        mode, softFail, acceptWithoutLocation, leafOnly, ocspUrl, crlUrl, proxy, limit);
  }
}
