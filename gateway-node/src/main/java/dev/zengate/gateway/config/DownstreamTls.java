package dev.zengate.gateway.config;

import java.util.List;

/**
 * TLS towards the connecting partner (termination).
 *
 * @param certificate name of the server certificate in {@code certificates}
 * @param clientAuth whether a client certificate is requested
 * @param clientTrust name of the trust set that verifies client certificates
 * @param protocols enabled versions; TLS 1.2 and 1.3 when absent
 * @param cipherSuites TLS 1.2 suites in OpenSSL or IANA spelling; secure AEAD defaults when absent
 * @param clientRevocation revocation checking of client certificates; none when absent
 * @param internal this side faces the internal network: only then may TLS 1.0/1.1 be enabled, to
 *     bridge old internal clients; false when absent
 * @param ocspStapling whether to staple a fresh OCSP response about the certificate (fetched from
 *     its AIA responder) for partners that ask; openssl provider only
 * @param clientValidation relaxations of the strict validation of client certificates; strict when
 *     absent
 */
public record DownstreamTls(
    String certificate,
    ClientAuthPolicy clientAuth,
    String clientTrust,
    List<TlsVersion> protocols,
    List<String> cipherSuites,
    RevocationConfig clientRevocation,
    Boolean internal,
    Boolean ocspStapling,
    ValidationConfig clientValidation) {

  public DownstreamTls {
    clientAuth = clientAuth == null ? ClientAuthPolicy.NONE : clientAuth;
    protocols = protocols == null ? TlsVersion.DEFAULTS : List.copyOf(protocols);
    cipherSuites = cipherSuites == null ? List.of() : List.copyOf(cipherSuites);
    ocspStapling = Boolean.TRUE.equals(ocspStapling);
    clientRevocation = clientRevocation == null ? RevocationConfig.NONE : clientRevocation;
    clientValidation = clientValidation == null ? ValidationConfig.STRICT : clientValidation;
    // Boxed so that an absent field reads as false (primitives must be present in the YAML).
    internal = Boolean.TRUE.equals(internal);
  }
}
