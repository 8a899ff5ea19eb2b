package dev.zengate.gateway.trust;

import dev.zengate.gateway.trust.profile.Relaxation;
import java.util.EnumSet;
import java.util.Set;

/**
 * Algorithm and key-size rules applied to every certificate of a path, the trust anchor included,
 * and the strict-profile rules a listener relaxes. RSA keys under 2048 bits are refused unless a
 * listener explicitly allows 1024-bit partners (the appliance's manual lists RSA 1024 as a
 * supported key size); keys under 1024 bits and signatures made with MD2, MD5 or SHA-1 are always
 * refused.
 *
 * @param minimumRsaBits smallest RSA modulus accepted: 2048 by default, 1024 at the lowest
 * @param relaxations strict-profile rules switched off for this listener; none by default
 */
public record TrustPolicy(int minimumRsaBits, Set<Relaxation> relaxations) {

  public static final TrustPolicy DEFAULT = new TrustPolicy(2048);

  public TrustPolicy {
    if (minimumRsaBits < 1024) {
      throw new IllegalArgumentException(
          "minimumRsaBits must be at least 1024, was " + minimumRsaBits);
    }
    relaxations =
        relaxations == null || relaxations.isEmpty()
            ? Set.of()
            : Set.copyOf(EnumSet.copyOf(relaxations));
  }

  public TrustPolicy(int minimumRsaBits) {
    this(minimumRsaBits, Set.of());
  }

  /** The policy of a listener that must talk to partners still holding RSA-1024 certificates. */
  public static TrustPolicy allowingRsa1024() {
    return new TrustPolicy(1024);
  }

  public TrustPolicy relaxing(Set<Relaxation> more) {
    Set<Relaxation> all = EnumSet.noneOf(Relaxation.class);
    all.addAll(relaxations);
    all.addAll(more);
    return new TrustPolicy(minimumRsaBits, all);
  }
}
