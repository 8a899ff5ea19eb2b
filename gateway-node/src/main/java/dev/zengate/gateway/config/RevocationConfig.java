package dev.zengate.gateway.config;

import java.time.Duration;

/**
 * A listener's revocation checking of the peer's certificates (the appliance's OCSP/CRL settings).
 * With a mode other than {@code none} the defaults are strict: hard-fail, and a certificate that
 * names no responder or distribution point (and none is configured) is refused.
 *
 * @param mode which sources to consult; {@code none} when absent
 * @param softFail accept, with a logged warning, when the responder or CRL cannot be reached
 * @param acceptWithoutLocation accept certificates without AIA OCSP URL / CRL distribution point
 * @param leafOnly check only the peer's own certificate, not its intermediates
 * @param ocspUrl responder to ask instead of the one named in the certificate ({@code http://})
 * @param crlUrl CRL to fetch instead of the certificate's distribution point ({@code http://})
 * @param timeout how long one OCSP request or CRL download may take; 5 s when absent
 */
public record RevocationConfig(
    RevocationCheck mode,
    Boolean softFail,
    Boolean acceptWithoutLocation,
    Boolean leafOnly,
    String ocspUrl,
    String crlUrl,
    Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final RevocationConfig NONE =
      new RevocationConfig(null, null, null, null, null, null, null);

  public RevocationConfig {
    mode = mode == null ? RevocationCheck.NONE : mode;
    softFail = softFail != null && softFail;
    acceptWithoutLocation = acceptWithoutLocation != null && acceptWithoutLocation;
    leafOnly = leafOnly != null && leafOnly;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  public boolean enabled() {
    return mode != RevocationCheck.NONE;
  }
}
