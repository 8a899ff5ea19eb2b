package dev.zengate.gateway.tls;

import dev.zengate.gateway.config.TlsVersion;
import io.netty.handler.ssl.CipherSuiteConverter;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS versions and cipher suites one side offered in its hello, or a listener allows, in OpenSSL
 * spelling (TLS 1.3 suites keep their IANA names) so the two can be compared and logged side by
 * side.
 */
public record TlsOffer(List<String> versions, List<String> suites) {

  public TlsOffer {
    versions = List.copyOf(versions);
    suites = List.copyOf(suites);
  }

  /** What a listener accepts: its configured versions and the suites of its context (JDK names). */
  public static TlsOffer allowedBy(List<TlsVersion> protocols, List<String> javaSuites) {
    List<String> versions = protocols.stream().map(TlsVersion::protocolName).toList();
    List<String> suites = new ArrayList<>();
    for (String suite : javaSuites) {
      suites.add(openSslName(suite));
    }
    return new TlsOffer(versions, suites);
  }

  static String openSslName(String javaSuite) {
    if (CipherSuitePolicy.TLS13.contains(javaSuite)) {
      return javaSuite;
    }
    String openSsl = CipherSuiteConverter.toOpenSsl(javaSuite, false);
    return openSsl == null ? javaSuite : openSsl;
  }

  public boolean sharesVersionWith(TlsOffer other) {
    return versions.stream().anyMatch(other.versions::contains);
  }

  public boolean sharesSuiteWith(TlsOffer other) {
    return suites.stream().anyMatch(other.suites::contains);
  }

  /** {@code versions=TLSv1;suites=AES128-SHA,...}: one token for key=value log lines. */
  public String describe() {
    return "versions=" + String.join(",", versions) + ";suites=" + String.join(",", suites);
  }
}
