package dev.zengate.gateway.tls;

import dev.zengate.gateway.trust.CertificateRejectedException;
import dev.zengate.gateway.trust.RejectionKind;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;
import java.util.Locale;

/**
 * Explains why a TLS handshake failed in a few stable words (metric label) and plain language
 * (log), from whatever exception the JDK or BoringSSL engine produced.
 */
public record HandshakeFailure(String reason, String explanation) {

  /**
   * As {@link #of(Throwable)}, and when what the client offered is known, a version or suite
   * mismatch is told in plain words against what the listener allows. The versions decide even when
   * the provider's message is vague (BoringSSL and the JDK word this differently).
   *
   * @param offered parsed from the ClientHello, null when none was seen
   * @param allowed the listener's enabled versions and suites, null when unknown
   */
  public static HandshakeFailure of(Throwable failure, TlsOffer offered, TlsOffer allowed) {
    HandshakeFailure plain = of(failure);
    if (offered == null || allowed == null) {
      return plain;
    }
    String provider = " (" + describeChain(failure) + ")";
    if (!offered.sharesVersionWith(allowed)) {
      return new HandshakeFailure(
          "unsupported_version",
          "no TLS version in common: the client offered "
              + listed(offered.versions())
              + ", this listener allows "
              + String.join(", ", allowed.versions())
              + provider);
    }
    // Unknown suite codes are logged in hex and match nothing: trust the provider on suites.
    if (plain.reason().equals("no_shared_cipher") && !offered.sharesSuiteWith(allowed)) {
      return new HandshakeFailure(
          "no_shared_cipher",
          "no cipher suite in common: the client offered "
              + listed(offered.suites())
              + ", this listener allows "
              + String.join(", ", allowed.suites())
              + provider);
    }
    return plain;
  }

  private static String listed(List<String> names) {
    return names.size() == 1 ? names.get(0) + " only" : String.join(", ", names);
  }

  public static HandshakeFailure of(Throwable failure) {
    String text = describeChain(failure);
    String lower = text.toLowerCase(Locale.ROOT);
    if (has(failure, SslHandshakeTimeoutException.class)) {
      return new HandshakeFailure("timeout", "handshake not finished in time");
    }
    if (has(failure, NotSslRecordException.class)) {
      return new HandshakeFailure("not_tls", "peer did not speak TLS");
    }
    CertificateRejectedException rejected = find(failure, CertificateRejectedException.class);
    if (rejected != null) {
      return new HandshakeFailure(label(rejected.kind()), rejected.getMessage());
    }
    if (has(failure, CertificateExpiredException.class)
        || lower.contains("certificate_expired")
        || lower.contains("certificate has expired")
        || lower.contains("certificate expired")) {
      return new HandshakeFailure("certificate_expired", "certificate expired: " + text);
    }
    if (has(failure, CertificateNotYetValidException.class)) {
      return new HandshakeFailure(
          "certificate_not_yet_valid", "certificate not yet valid: " + text);
    }
    if (lower.contains("name mismatch")) {
      return new HandshakeFailure("name_mismatch", text);
    }
    if (lower.contains("no_shared_cipher")
        || lower.contains("no cipher suites in common")
        || lower.contains("handshake_failure") && lower.contains("cipher")) {
      return new HandshakeFailure("no_shared_cipher", "no cipher suite in common: " + text);
    }
    if (lower.contains("unsupported_protocol")
        || lower.contains("protocol_version")
        || lower.contains("no appropriate protocol")
        || lower.contains("not enabled or not supported")
        || lower.contains("wrong_version_number")
        || lower.contains("unsupported protocol")
        || lower.contains("not accepted by server preferences")) {
      return new HandshakeFailure("unsupported_version", "no TLS version in common: " + text);
    }
    if (lower.contains("peer_did_not_return_a_certificate")
        || lower.contains("empty client certificate chain")
        || lower.contains("certificate_required")
        || lower.contains("peer not authenticated")) {
      return new HandshakeFailure("no_client_certificate", "client sent no certificate: " + text);
    }
    if (lower.contains("unknown_ca")
        || lower.contains("pkix path")
        || lower.contains("certification path")
        || lower.contains("certificate_verify_failed")
        || lower.contains("unable to find valid")
        || lower.contains("untrusted")) {
      return new HandshakeFailure("unknown_ca", "certificate not issued by a trusted CA: " + text);
    }
    if (lower.contains("bad_certificate") || lower.contains("bad certificate")) {
      return new HandshakeFailure(
          "bad_certificate", "peer rejected or sent a bad certificate: " + text);
    }
    if (has(failure, ClosedChannelException.class) || lower.contains("closed")) {
      return new HandshakeFailure("peer_closed", "peer closed during handshake: " + text);
    }
    return new HandshakeFailure("other", text);
  }

  /**
   * The gateway validator's verdicts, in the labels used for provider failures where they exist.
   */
  private static String label(RejectionKind kind) {
    return switch (kind) {
      case EXPIRED -> "certificate_expired";
      case NOT_YET_VALID -> "certificate_not_yet_valid";
      case NAME_MISMATCH -> "name_mismatch";
      case UNKNOWN_ISSUER -> "unknown_ca";
      case REVOKED -> "certificate_revoked";
      default -> "certificate_" + kind.label();
    };
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String describeChain(Throwable failure) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (Throwable t = failure;
        t != null && depth < 6;
        t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (out.indexOf(message) < 0) {
        if (out.length() > 0) {
          out.append(" <- ");
        }
        out.append(message.replace('\n', ' '));
      }
      depth++;
    }
    return out.toString();
  }
}
