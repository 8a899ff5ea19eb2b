package dev.zengate.gateway.trust.profile;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named exception to the strict profile that a listener may opt into, because banks' private CAs
 * (made with tools that predate the CA/Browser Forum profile) commonly break these rules without
 * any security consequence for a path whose anchor the operator configured. Everything not listed
 * here is enforced whatever the listener says.
 */
public enum Relaxation {
  /** Accept certificates without authority key identifier and CA certificates without SKI. */
  MISSING_KEY_IDENTIFIERS("missing-key-identifiers"),
  /** Accept a server certificate without an extended key usage extension (RFC 5280 allows it). */
  LEAF_WITHOUT_EKU("leaf-without-eku"),
  /**
   * Accept a self-signed root that breaks the CA/B root profile (EKU, AKI fields, non-critical
   * basic constraints, unknown critical extensions).
   */
  LEGACY_ROOT_PROFILE("legacy-root-profile"),
  /** Accept serial numbers that are zero, negative or longer than 20 octets. */
  NONCONFORMING_SERIAL("nonconforming-serial");

  private final String configName;

  Relaxation(String configName) {
    this.configName = configName;
  }

  /** The name used in configuration files and on the command line. */
  public String configName() {
    return configName;
  }

  /** The relaxation with this configuration name; the message lists the known names. */
  public static Relaxation parse(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Relaxation relaxation : values()) {
      if (relaxation.configName.equals(wanted)) {
        return relaxation;
      }
    }
    throw new IllegalArgumentException(
        "unknown relaxation '" + name + "' (known: " + String.join(", ", names()) + ")");
  }

  public static Set<Relaxation> parseAll(List<String> names) {
    Set<Relaxation> parsed = EnumSet.noneOf(Relaxation.class);
    for (String name : names) {
      parsed.add(parse(name));
    }
    return parsed;
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Relaxation::configName).collect(Collectors.toList());
  }
}
