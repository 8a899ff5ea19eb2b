package dev.zengate.gateway.tls;

import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Verifies a server's chain against a trust set and then checks that its certificate names the
 * expected host: a DNS name against dNSName SANs (left-most wildcard allowed) or an IP address
 * against iPAddress SANs. Done here rather than by each TLS provider so that the JDK and BoringSSL
 * engines apply the same rule and failures read the same ("name mismatch").
 */
final class NameVerifyingTrustManager extends X509ExtendedTrustManager {

  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  private final X509TrustManager chainVerifier;
  private final String expectedName;

  NameVerifyingTrustManager(X509TrustManager chainVerifier, String expectedName) {
    this.chainVerifier = chainVerifier;
    this.expectedName = expectedName;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    chainVerifier.checkServerTrusted(chain, authType);
    checkName(chain[0]);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("this trust manager verifies servers only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return chainVerifier.getAcceptedIssuers();
  }

  void checkName(X509Certificate leaf) throws CertificateException {
    List<String> names = new ArrayList<>();
    boolean ip = dev.zengate.gateway.config.IpLiteral.isIpLiteral(expectedName);
    Collection<List<?>> sans;
    try {
      sans = leaf.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      throw new CertificateException("name mismatch: unreadable subjectAltName", e);
    }
    if (sans != null) {
      for (List<?> san : sans) {
        int type = (Integer) san.get(0);
        String value = String.valueOf(san.get(1));
        if (type == SAN_IP) {
          names.add("IP:" + value);
          if (ip && sameAddress(value, expectedName)) {
            return;
          }
        } else if (type == SAN_DNS) {
          names.add("DNS:" + value);
          if (!ip && dnsMatches(value, expectedName)) {
            return;
          }
        }
      }
    }
    throw new CertificateException(
        "name mismatch: certificate of "
            + leaf.getSubjectX500Principal().getName()
            + " is not valid for "
            + expectedName
            + " (subjectAltName "
            + names
            + ")");
  }

  private static boolean sameAddress(String a, String b) {
    try {
      // Both are IP literals, so no DNS lookup happens here.
      return InetAddress.getByName(a).equals(InetAddress.getByName(b));
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  static boolean dnsMatches(String pattern, String host) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    if (p.startsWith("*.")) {
      int dot = h.indexOf('.');
      return dot > 0 && h.substring(dot).equals(p.substring(1));
    }
    return p.equals(h);
  }
}
