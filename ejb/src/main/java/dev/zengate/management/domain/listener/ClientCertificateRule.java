package dev.zengate.management.domain.listener;

import dev.zengate.management.domain.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * One row of a virtual client's certificate table: connections to {@code destination} from {@code
 * source} (each {@code any}, an address, or a CIDR block) present {@code certificateId}.
 */
@Embeddable
public class ClientCertificateRule {

  public static final String ANY = "any";
  private static final Pattern ADDRESS_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  @Column(nullable = false)
  private String destination;

  @Column(nullable = false)
  private String source;

  @Column(name = "certificate_id", nullable = false)
  private Long certificateId;

  protected ClientCertificateRule() {}

  public ClientCertificateRule(String destination, String source, Long certificateId) {
    this.destination = block("destination", destination);
    this.source = block("source", source);
    if (ANY.equals(this.destination) && ANY.equals(this.source)) {
      throw new InvalidInputException(
          "a client certificate rule with both destination and source 'any' is refused (as in"
              + " the appliance); set the virtual client's clientCertificateId as the default"
              + " instead");
    }
    if (certificateId == null) {
      throw new InvalidInputException("a client certificate rule needs a certificateId");
    }
    this.certificateId = certificateId;
  }

  /** {@code any}, an IP address, or a CIDR block such as 203.0.113.0/24. */
  static String block(String what, String value) {
    if (value == null || value.isBlank() || ANY.equalsIgnoreCase(value.trim())) {
      return ANY;
    }
    String text = value.trim();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (!ADDRESS_CHARS.matcher(address).matches()) {
      throw new InvalidInputException(
          what + " '" + value + "' is not 'any', an IP address or a CIDR block");
    }
    int bits;
    try {
      bits = InetAddress.getByName(address).getAddress().length * 8;
    } catch (UnknownHostException e) {
      throw new InvalidInputException(
          what + " '" + value + "' is not 'any', an IP address or a CIDR block");
    }
    if (slash >= 0) {
      String prefix = text.substring(slash + 1);
      if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
        throw new InvalidInputException(
            what + " '" + value + "' has a prefix length outside 0-" + bits);
      }
    }
    return text;
  }

  public String destination() {
    return destination;
  }

  public String source() {
    return source;
  }

  public Long certificateId() {
    return certificateId;
  }
}
