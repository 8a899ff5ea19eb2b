package dev.zengate.management.infrastructure.channel;

import dev.zengate.bundle.PartnerCertificate;
import dev.zengate.bundle.channel.ChannelMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what a node reports about the partners' certificates it saw: a bounded number of entries,
 * each with bounded, well-formed fields, and times no later than the member's clock (a node cannot
 * keep an entry alive by dating it in the future). One bad entry refuses the whole message.
 */
final class PartnerCertificateBounds {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SERIAL = Pattern.compile("[0-9a-f]{1,128}");
  private static final Set<String> ROLES =
      Set.of(PartnerCertificate.CLIENT, PartnerCertificate.SERVER);
  private static final int MAX_LISTENER = 100;
  private static final int MAX_POSITION = 15;

  private PartnerCertificateBounds() {}

  /** The entries as they may be stored, or empty when the message is refused. */
  static Optional<List<PartnerCertificate>> check(List<PartnerCertificate> reported, Instant now) {
    if (reported == null
        || reported.isEmpty()
        || reported.size() > ChannelMessage.MAX_PARTNER_CERTIFICATES) {
      return Optional.empty();
    }
    List<PartnerCertificate> checked = new ArrayList<>();
    for (PartnerCertificate c : reported) {
      if (c == null
          || c.listener() == null
          || c.listener().isBlank()
          || c.listener().length() > MAX_LISTENER
          || !ROLES.contains(c.peerRole())
          || c.position() < 0
          || c.position() > MAX_POSITION
          || c.sha256() == null
          || !SHA256.matcher(c.sha256()).matches()
          || c.serial() == null
          || !SERIAL.matcher(c.serial()).matches()
          || !name(c.subject())
          || !name(c.issuer())) {
        return Optional.empty();
      }
      Instant notBefore = instant(c.notBefore());
      Instant notAfter = instant(c.notAfter());
      Instant firstSeen = instant(c.firstSeen());
      Instant lastSeen = instant(c.lastSeen());
      if (notBefore == null || notAfter == null || firstSeen == null || lastSeen == null) {
        return Optional.empty();
      }
      lastSeen = lastSeen.isAfter(now) ? now : lastSeen;
      firstSeen = firstSeen.isAfter(lastSeen) ? lastSeen : firstSeen;
      checked.add(
          new PartnerCertificate(
              c.listener(),
              c.peerRole(),
              c.position(),
              c.sha256(),
              c.subject(),
              c.issuer(),
              c.serial(),
              notBefore.toString(),
              notAfter.toString(),
              firstSeen.toString(),
              lastSeen.toString()));
    }
    return Optional.of(checked);
  }

  private static boolean name(String value) {
    return value != null && value.length() <= PartnerCertificate.MAX_NAME_LENGTH;
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
