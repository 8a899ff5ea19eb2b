package dev.zengate.gateway.config;

import java.util.List;

/**
 * TLS towards the target (origination).
 *
 * @param trust name of the trust set that verifies the server certificate
 * @param verifyName DNS name or IP address the server certificate must carry; the target host when
 *     absent
 * @param certificate name of the client certificate to present, if the server asks for one
 * @param protocols enabled versions; TLS 1.2 and 1.3 when absent
 * @param cipherSuites TLS 1.2 suites in OpenSSL or IANA spelling; secure AEAD defaults when absent
 * @param revocation revocation checking of the server's certificates; none when absent
 */
public record UpstreamTls(
    String trust,
    String verifyName,
    String certificate,
    List<TlsVersion> protocols,
    List<String> cipherSuites,
    RevocationConfig revocation) {

  public UpstreamTls {
    protocols = protocols == null ? TlsVersion.DEFAULTS : List.copyOf(protocols);
    cipherSuites = cipherSuites == null ? List.of() : List.copyOf(cipherSuites);
    revocation = revocation == null ? RevocationConfig.NONE : revocation;
  }
}
