package dev.zengate.management.domain.listener;

import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.Message;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One row of a virtual client's certificate table: connections to {@code destination} from {@code
 * source} (each {@code any}, an address, or a CIDR block) present {@code certificateId}.
 */
@Embeddable
public class ClientCertificateRule {

  public static final String ANY = "any";

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
      throw InvalidInputException.at(null, "rule.bothAny");
    }
    if (certificateId == null) {
      throw InvalidInputException.at(null, "rule.needsCertificate");
    }
    this.certificateId = certificateId;
  }

  /** {@code any}, an IP address, or a CIDR block such as 203.0.113.0/24. */
  static String block(String what, String value) {
    Message label = Message.label(what);
    if (value == null || value.isBlank() || ANY.equalsIgnoreCase(value.trim())) {
      return ANY;
    }
    String text = value.trim();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (!Endpoint.isIpLiteral(address)) {
      throw InvalidInputException.at(what, "rule.notBlock", label, value);
    }
    int bits;
    try {
      bits = InetAddress.getByName(address).getAddress().length * 8;
    } catch (UnknownHostException e) {
      throw InvalidInputException.at(what, "rule.notBlock", label, value);
    }
    if (slash >= 0) {
      String prefix = text.substring(slash + 1);
      if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
        throw InvalidInputException.at(what, "rule.prefixLength", label, value, bits);
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
