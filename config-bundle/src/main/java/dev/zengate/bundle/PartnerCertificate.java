package dev.zengate.bundle;

/**
 * A partner's certificate a node saw in a TLS handshake on one of its listeners: the peer's own
 * certificate (position 0) or one of the chain it sent (1, 2 …).
 *
 * @param listener the listener's name
 * @param peerRole {@code client} (a partner's client certificate at a virtual server) or {@code
 *     server} (a partner's server certificate met by a virtual client)
 * @param sha256 lower-case hex SHA-256 of the DER encoding
 * @param serial the serial number in lower-case hex
 * @param notBefore ISO-8601 instant
 * @param notAfter ISO-8601 instant
 * @param firstSeen ISO-8601 instant of the first handshake that showed it (since the node started)
 * @param lastSeen ISO-8601 instant of the latest
 */
public record PartnerCertificate(
    String listener,
    String peerRole,
    int position,
    String sha256,
    String subject,
    String issuer,
    String serial,
    String notBefore,
    String notAfter,
    String firstSeen,
    String lastSeen) {

  public static final String CLIENT = "client";
  public static final String SERVER = "server";

  /** The longest subject or issuer name a node sends (longer ones are cut). */
  public static final int MAX_NAME_LENGTH = 1024;
}
