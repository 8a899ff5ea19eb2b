package dev.zengate.management.domain.listener;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;
import java.util.List;

/** The TLS settings virtual servers and clients share: versions, suites and revocation. */
@Embeddable
public class TlsPolicy {

  @Column(nullable = false)
  private String protocols = "TLSv1.2 TLSv1.3";

  @Column(name = "cipher_suites", nullable = false)
  private String cipherSuites = "";

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RevocationCheck revocation = RevocationCheck.NONE;

  @Enumerated(EnumType.STRING)
  @Column(name = "no_aia_policy", nullable = false)
  private NoAiaPolicy noAiaPolicy = NoAiaPolicy.REJECT;

  protected TlsPolicy() {}

  /** Checks and builds the policy; {@code keyAlgorithm} is the local certificate's, or null. */
  public static TlsPolicy of(
      List<String> protocols,
      List<String> cipherSuites,
      RevocationCheck revocation,
      NoAiaPolicy noAiaPolicy,
      String keyAlgorithm) {
    TlsPolicy policy = new TlsPolicy();
    policy.protocols = String.join(" ", CipherSuites.requireProtocols(protocols));
    policy.cipherSuites = String.join(" ", CipherSuites.requireUsable(cipherSuites, keyAlgorithm));
    policy.revocation = revocation == null ? RevocationCheck.NONE : revocation;
    policy.noAiaPolicy = noAiaPolicy == null ? NoAiaPolicy.REJECT : noAiaPolicy;
    return policy;
  }

  public List<String> protocols() {
    return split(protocols);
  }

  public List<String> cipherSuites() {
    return split(cipherSuites);
  }

  public RevocationCheck revocation() {
    return revocation;
  }

  public NoAiaPolicy noAiaPolicy() {
    return noAiaPolicy;
  }

  private static List<String> split(String list) {
    return list.isBlank() ? List.of() : Arrays.asList(list.trim().split(" "));
  }
}
