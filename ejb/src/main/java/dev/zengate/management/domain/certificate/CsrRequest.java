package dev.zengate.management.domain.certificate;

import dev.zengate.management.domain.shared.InvalidInputException;
import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * What a CSR asks for: the subject (an X.500 name such as {@code CN=zengin.example.co.jp,O=Bank})
 * and subject alternative names ({@code DNS:name} or {@code IP:address}).
 */
public record CsrRequest(KeySpec keySpec, X500Principal subject, List<String> subjectAltNames) {

  private static final Pattern DNS_NAME =
      Pattern.compile(
          "(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern IP_LITERAL =
      Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  public static CsrRequest of(String keyType, String subject, List<String> sans) {
    KeySpec spec = KeySpec.parse(keyType);
    X500Principal principal;
    try {
      principal = new X500Principal(subject == null ? "" : subject);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "subject '" + subject + "' is not an X.500 name: " + e.getMessage());
    }
    if (principal.getName().isEmpty()) {
      throw new InvalidInputException(
          "a CSR needs a subject, e.g. CN=gateway.example.co.jp,O=Example Bank");
    }
    List<String> names = sans == null ? List.of() : List.copyOf(sans);
    names.forEach(CsrRequest::requireValidName);
    return new CsrRequest(spec, principal, names);
  }

  private static void requireValidName(String san) {
    if (san != null && san.startsWith("DNS:") && DNS_NAME.matcher(san.substring(4)).matches()) {
      return;
    }
    if (san != null && san.startsWith("IP:") && IP_LITERAL.matcher(san.substring(3)).matches()) {
      try {
        InetAddress.getByName(san.substring(3));
        return;
      } catch (java.net.UnknownHostException e) {
        throw new InvalidInputException(
            "subject alternative name " + san + " is not an IP address");
      }
    }
    throw new InvalidInputException(
        "subject alternative name '" + san + "' is not valid: use DNS:name or IP:address");
  }
}
