package dev.zengate.gateway.config;

import java.util.List;

/**
 * How strictly a listener validates the peer's certificate path. Strict (RFC 5280 and the CA/B
 * Forum profile) unless {@code relax} names rules a partner's private CA needs relaxed; the names
 * and what each allows are in docs/path-validation.md.
 *
 * @param relax names of relaxations, e.g. {@code missing-key-identifiers}; none when absent
 */
public record ValidationConfig(List<String> relax) {

  public static final ValidationConfig STRICT = new ValidationConfig(null);

  public ValidationConfig {
    relax = relax == null ? List.of() : List.copyOf(relax);
  }
}
