package dev.zengate.gateway.trust.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 10.1.0.0/16}, {@code 2001:db8::/32}), a
 * single address, or {@code any}. Parsed from literals only: never resolves a name.
 */
public record AddressRange(byte[] network, int prefix) {

  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  /** The range matching every address. */
  public static final AddressRange ANY = new AddressRange(null, 0);

  public static AddressRange parse(String text) {
    String value = text.trim();
    if (value.equalsIgnoreCase("any")) {
      return ANY;
    }
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    if (!LITERAL.matcher(address).matches() || !(address.contains(".") || address.contains(":"))) {
      throw new IllegalArgumentException("not an IP address or CIDR range: '" + text + "'");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address or CIDR range: '" + text + "'", e);
    }
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(value.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prefix length in '" + text + "'", e);
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
      }
    }
    return new AddressRange(bytes, prefix);
  }

  public boolean isAny() {
    return network == null;
  }

  public boolean contains(InetAddress address) {
    if (isAny()) {
      return true;
    }
    if (address == null) {
      return false;
    }
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (candidate[full] & mask) == (network[full] & mask);
  }

  @Override
  public String toString() {
    if (isAny()) {
      return "any";
    }
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      return "invalid";
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AddressRange range
        && prefix == range.prefix
        && java.util.Arrays.equals(network, range.network);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(network) + prefix;
  }
}
