package dev.zengate.management.infrastructure.https;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The DNS names and IP addresses a certificate's subjectAltName names. */
final class ServerNames {

  private ServerNames() {}

  /** Whether the certificate names each of {@code names} (IP addresses in any spelling). */
  static boolean covers(X509Certificate certificate, List<String> names) {
    Set<String> named = of(certificate);
    return names.stream().map(ServerNames::canonical).allMatch(named::contains);
  }

  private static Set<String> of(X509Certificate certificate) {
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      if (names == null) {
        return Set.of();
      }
      return names.stream().map(n -> canonical(n.get(1).toString())).collect(Collectors.toSet());
    } catch (CertificateParsingException e) {
      return Set.of();
    }
  }

  private static String canonical(String name) {
    if (!name.matches("[0-9.]+|.*:.*")) {
      return name.toLowerCase(java.util.Locale.ROOT);
    }
    try {
      return InetAddress.getByName(name).getHostAddress();
    } catch (UnknownHostException e) {
      return name;
    }
  }
}
