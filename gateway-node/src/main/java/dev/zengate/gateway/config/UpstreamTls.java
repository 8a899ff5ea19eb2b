package dev.zengate.gateway.config;

import java.util.List;

/**
 * TLS towards the target (origination).
 *
 * @param trust name of the trust set that verifies the server certificate
 * @param verifyName DNS name or IP address the server certificate must carry; the target host when
 *     absent
 * @param certificate name of the client certificate to present when the server asks for one and no
 *     rule matches: the listener's own identity (also for internal clients that have none)
 * @param certificateRules the certificate by destination and source address, first match wins
 * @param automaticCertificate when no rule matches and no certificate is set, present the first of
 *     the node's client-capable certificates issued under a CA the server's CertificateRequest
 *     names
 * @param protocols enabled versions; TLS 1.2 and 1.3 when absent
 * @param cipherSuites TLS 1.2 suites in OpenSSL or IANA spelling; secure AEAD defaults when absent
 * @param revocation revocation checking of the server's certificates; none when absent
 * @param validation relaxations of the strict validation of the server's certificate path; strict
 *     when absent
 */
public record UpstreamTls(
    String trust,
    String verifyName,
    String certificate,
    List<ClientCertificateRuleConfig> certificateRules,
    Boolean automaticCertificate,
    List<TlsVersion> protocols,
    List<String> cipherSuites,
    RevocationConfig revocation,
    ValidationConfig validation) {

  public UpstreamTls {
    automaticCertificate = Boolean.TRUE.equals(automaticCertificate);
    certificateRules = certificateRules == null ? List.of() : List.copyOf(certificateRules);
    protocols = protocols == null ? TlsVersion.DEFAULTS : List.copyOf(protocols);
    cipherSuites = cipherSuites == null ? List.of() : List.copyOf(cipherSuites);
    revocation = revocation == null ? RevocationConfig.NONE : revocation;
    validation = validation == null ? ValidationConfig.STRICT : validation;
  }
}
