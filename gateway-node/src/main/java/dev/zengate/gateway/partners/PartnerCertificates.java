package dev.zengate.gateway.partners;

import dev.zengate.bundle.PartnerCertificate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partners' certificates this node's listeners saw in handshakes (the peer's certificate and
 * the chain it sent), once per listener and certificate, with first and last seen. Bounded: beyond
 * {@link #MAX_ENTRIES} the one seen longest ago is forgotten. What changed since it was last handed
 * out is handed to the reporter; a certificate seen again is handed out again at most every {@link
 * #RESEND_AFTER}, so the management side's "last seen" stays fresh without a message per handshake.
 */
public final class PartnerCertificates {

  public static final int MAX_ENTRIES = 1_000;
  static final Duration RESEND_AFTER = Duration.ofMinutes(10);

  private record Key(String listener, String sha256) {}

  private static final class Entry {
    final PartnerCertificate seen; // first seen, names and dates; lastSeen below
    volatile Instant lastSeen;
    Instant handedOut; // guarded by the map's compute

    Entry(PartnerCertificate seen, Instant at) {
      this.seen = seen;
      this.lastSeen = at;
    }

    PartnerCertificate now() {
      return new PartnerCertificate(
          seen.listener(),
          seen.peerRole(),
          seen.position(),
          seen.sha256(),
          seen.subject(),
          seen.issuer(),
          seen.serial(),
          seen.notBefore(),
          seen.notAfter(),
          seen.firstSeen(),
          lastSeen.toString());
    }
  }

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  public PartnerCertificates(Clock clock) {
    this.clock = clock;
  }

  /**
   * Records the certificates a peer presented in a successful handshake.
   *
   * @param peerRole {@link PartnerCertificate#CLIENT} or {@link PartnerCertificate#SERVER}
   */
  public void saw(String listener, String peerRole, Certificate[] chain) {
    if (chain == null) {
      return;
    }
    Instant now = clock.instant();
    for (int i = 0; i < chain.length; i++) {
      if (chain[i] instanceof X509Certificate certificate) {
        String sha256 = sha256(certificate);
        if (sha256 == null) {
          continue;
        }
        Key key = new Key(listener, sha256);
        Entry known = entries.get(key);
        if (known != null) {
          known.lastSeen = now; // the common case: no allocation beyond the hash
        } else {
          entries.put(
              key, new Entry(describe(listener, peerRole, i, sha256, certificate, now), now));
          forgetOldestBeyondBound();
        }
      }
    }
  }

  /** Everything known, soonest expiry first (for the node's status). */
  public List<PartnerCertificate> all() {
    List<PartnerCertificate> all = new ArrayList<>();
    entries.values().forEach(e -> all.add(e.now()));
    all.sort(Comparator.comparing(PartnerCertificate::notAfter));
    return all;
  }

  /**
   * Up to {@code max} certificates new or seen again since they were last handed out (and not
   * within {@link #RESEND_AFTER} of that), marked as handed out.
   */
  public List<PartnerCertificate> takeChanged(int max) {
    Instant now = clock.instant();
    List<PartnerCertificate> changed = new ArrayList<>();
    for (Map.Entry<Key, Entry> e : entries.entrySet()) {
      if (changed.size() >= max) {
        break;
      }
      entries.computeIfPresent(
          e.getKey(),
          (key, entry) -> {
            boolean due =
                entry.handedOut == null
                    || (entry.lastSeen.isAfter(entry.handedOut)
                        && !now.isBefore(entry.handedOut.plus(RESEND_AFTER)));
            if (due) {
              entry.handedOut = now;
              changed.add(entry.now());
            }
            return entry;
          });
    }
    return changed;
  }

  /** Hands these out again at the next {@link #takeChanged} (their message was not sent). */
  public void notHandedOut(List<PartnerCertificate> certificates) {
    for (PartnerCertificate c : certificates) {
      entries.computeIfPresent(
          new Key(c.listener(), c.sha256()),
          (key, entry) -> {
            entry.handedOut = null;
            return entry;
          });
    }
  }

  public int size() {
    return entries.size();
  }

  private void forgetOldestBeyondBound() {
    while (entries.size() > MAX_ENTRIES) {
      entries.entrySet().stream()
          .min(Comparator.comparing(e -> e.getValue().lastSeen))
          .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
    }
  }

  private static PartnerCertificate describe(
      String listener,
      String peerRole,
      int position,
      String sha256,
      X509Certificate c,
      Instant now) {
    return new PartnerCertificate(
        listener,
        peerRole,
        position,
        sha256,
        cut(c.getSubjectX500Principal().getName()),
        cut(c.getIssuerX500Principal().getName()),
        c.getSerialNumber().toString(16),
        c.getNotBefore().toInstant().toString(),
        c.getNotAfter().toInstant().toString(),
        now.toString(),
        now.toString());
  }

  private static String cut(String name) {
    return name.length() <= PartnerCertificate.MAX_NAME_LENGTH
        ? name
        : name.substring(0, PartnerCertificate.MAX_NAME_LENGTH);
  }

  private static String sha256(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      return null;
    }
  }
}
