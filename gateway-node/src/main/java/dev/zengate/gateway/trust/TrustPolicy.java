package dev.zengate.gateway.trust;

/**
 * Algorithm and key-size rules applied to every certificate of a path, the trust anchor included.
 * RSA keys under 2048 bits are refused unless a listener explicitly allows 1024-bit partners (the
 * appliance's manual lists RSA 1024 as a supported key size); keys under 1024 bits and signatures
 * made with MD2, MD5 or SHA-1 are always refused.
 *
 * @param minimumRsaBits smallest RSA modulus accepted: 2048 by default, 1024 at the lowest
 */
public record TrustPolicy(int minimumRsaBits) {

  public static final TrustPolicy DEFAULT = new TrustPolicy(2048);

  public TrustPolicy {
    if (minimumRsaBits < 1024) {
      throw new IllegalArgumentException(
          "minimumRsaBits must be at least 1024, was " + minimumRsaBits);
    }
  }

  /** The policy of a listener that must talk to partners still holding RSA-1024 certificates. */
  public static TrustPolicy allowingRsa1024() {
    return new TrustPolicy(1024);
  }
}
