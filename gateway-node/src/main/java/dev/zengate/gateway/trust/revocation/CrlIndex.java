package dev.zengate.gateway.trust.revocation;

import dev.zengate.gateway.trust.UnusableInputException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * A CRL (RFC 5280 section 5.1) read for lookups: the header fields are decoded, while the revoked
 * certificate entries are only indexed (serial number to offset) and decoded when a lookup hits
 * one. Neither the JDK's X509CRL nor BouncyCastle's holder do that: both decode every entry into
 * objects, which for a 100k-entry CRL costs most of a second. Input is DER; every malformation is
 * an {@link UnusableInputException}.
 */
public final class CrlIndex {

  private final byte[] der;
  private final int tbsStart;
  private final int tbsEnd;
  private final AlgorithmIdentifier signatureAlgorithm;
  private final byte[] signature;
  private final X500Principal issuer;
  private final Instant thisUpdate;
  private final Instant nextUpdate;
  private final Extensions extensions;
  private final Map<BigInteger, Integer> entries;

  /** One revoked certificate. */
  public record Revocation(Instant at, String reason) {}

  private CrlIndex(
      byte[] der,
      int tbsStart,
      int tbsEnd,
      AlgorithmIdentifier signatureAlgorithm,
      byte[] signature,
      X500Principal issuer,
      Instant thisUpdate,
      Instant nextUpdate,
      Extensions extensions,
      Map<BigInteger, Integer> entries) {
    this.der = der;
    this.tbsStart = tbsStart;
    this.tbsEnd = tbsEnd;
    this.signatureAlgorithm = signatureAlgorithm;
    this.signature = signature;
    this.issuer = issuer;
    this.thisUpdate = thisUpdate;
    this.nextUpdate = nextUpdate;
    this.extensions = extensions;
    this.entries = entries;
  }

  /** Indexes a DER CRL. */
  public static CrlIndex parse(byte[] der) throws UnusableInputException {
    try {
      Der outer = Der.at(der, 0, der.length, 0x30);
      if (outer.end() != der.length) {
        throw new UnusableInputException("not a valid CRL (trailing bytes)");
      }
      Der tbs = Der.at(der, outer.contentStart(), outer.end(), 0x30);
      Der algorithm = Der.at(der, tbs.end(), outer.end(), 0x30);
      Der bits = Der.at(der, algorithm.end(), outer.end(), 0x03);
      if (bits.end() != outer.end()) {
        throw new UnusableInputException("not a valid CRL (extra fields)");
      }
      AlgorithmIdentifier signatureAlgorithm = AlgorithmIdentifier.getInstance(algorithm.decode());
      byte[] signature = ASN1BitString.getInstance(bits.decode()).getOctets();

      int pos = tbs.contentStart();
      int end = tbs.end();
      Der field = Der.at(der, pos, end, -1);
      if (field.tag() == 0x02) {
        field = Der.at(der, field.end(), end, -1);
      }
      field.expect(0x30);
      if (!AlgorithmIdentifier.getInstance(field.decode()).equals(signatureAlgorithm)) {
        throw new UnusableInputException("not a valid CRL (signature algorithms differ)");
      }
      Der issuerField = Der.at(der, field.end(), end, 0x30);
      X500Principal issuer = new X500Principal(issuerField.bytes());
      Der thisField = Der.at(der, issuerField.end(), end, -1);
      Instant thisUpdate = time(thisField);
      pos = thisField.end();
      Instant nextUpdate = null;
      Map<BigInteger, Integer> entries = new HashMap<>();
      Extensions extensions = null;
      while (pos < end) {
        Der next = Der.at(der, pos, end, -1);
        if ((next.tag() == 0x17 || next.tag() == 0x18) && nextUpdate == null && entries.isEmpty()) {
          nextUpdate = time(next);
        } else if (next.tag() == 0x30 && entries.isEmpty() && extensions == null) {
          index(der, next, entries);
        } else if (next.tag() == 0xA0 && extensions == null) {
          extensions =
              Extensions.getInstance(Der.at(der, next.contentStart(), next.end(), 0x30).decode());
        } else {
          throw new UnusableInputException(
              "not a valid CRL (unexpected field with tag 0x"
                  + Integer.toHexString(next.tag())
                  + ")");
        }
        pos = next.end();
      }
      return new CrlIndex(
          der,
          tbs.start(),
          tbs.end(),
          signatureAlgorithm,
          signature,
          issuer,
          thisUpdate,
          nextUpdate,
          extensions,
          entries);
    } catch (UnusableInputException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new UnusableInputException("not a valid CRL (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static void index(byte[] der, Der list, Map<BigInteger, Integer> entries)
      throws UnusableInputException {
    int pos = list.contentStart();
    while (pos < list.end()) {
      Der entry = Der.at(der, pos, list.end(), 0x30);
      Der serial = Der.at(der, entry.contentStart(), entry.end(), 0x02);
      if (serial.contentLength() == 0) {
        throw new UnusableInputException("not a valid CRL (empty serial number)");
      }
      byte[] value = new byte[serial.contentLength()];
      System.arraycopy(der, serial.contentStart(), value, 0, value.length);
      entries.put(new BigInteger(value), entry.start());
      pos = entry.end();
    }
  }

  private static Instant time(Der field) throws UnusableInputException {
    if (field.tag() != 0x17 && field.tag() != 0x18) {
      throw new UnusableInputException("not a valid CRL (bad time field)");
    }
    return Time.getInstance(field.decode()).getDate().toInstant();
  }

  public X500Principal issuer() {
    return issuer;
  }

  public Instant thisUpdate() {
    return thisUpdate;
  }

  /** Null when the CRL states none. */
  public Instant nextUpdate() {
    return nextUpdate;
  }

  /** The CRL extensions, or null. */
  public Extensions extensions() {
    return extensions;
  }

  public int size() {
    return entries.size();
  }

  /** The revocation of {@code serial}, decoded from its entry, if listed. */
  public Optional<Revocation> revocation(BigInteger serial) throws UnusableInputException {
    Integer offset = entries.get(serial);
    if (offset == null) {
      return Optional.empty();
    }
    try {
      Der entry = Der.at(der, offset, der.length, 0x30);
      TBSCertList.CRLEntry decoded = TBSCertList.CRLEntry.getInstance(entry.decode());
      String reason = null;
      Extensions entryExtensions = decoded.getExtensions();
      if (entryExtensions != null) {
        Extension reasonCode = entryExtensions.getExtension(Extension.reasonCode);
        if (reasonCode != null) {
          reason =
              OcspClient.reasonName(
                  ASN1Enumerated.getInstance(reasonCode.getParsedValue()).intValueExact());
        }
      }
      return Optional.of(new Revocation(decoded.getRevocationDate().getDate().toInstant(), reason));
    } catch (RuntimeException e) {
      throw new UnusableInputException("unreadable CRL entry for serial " + serial.toString(16), e);
    }
  }

  /** Whether the CRL's signature verifies with {@code key}. */
  public boolean verifies(PublicKey key) {
    try {
      ContentVerifier verifier =
          // The JDK's providers: their SHA-2 uses CPU intrinsics, several times faster than
          // BouncyCastle's over a multi-megabyte CRL.
          new JcaContentVerifierProviderBuilder().build(key).get(signatureAlgorithm);
      try (var out = verifier.getOutputStream()) {
        out.write(der, tbsStart, tbsEnd - tbsStart);
      }
      return verifier.verify(signature);
    } catch (Exception e) {
      return false;
    }
  }

  /** One DER element: tag, header start, content range. Single-byte tags and definite lengths. */
  private record Der(byte[] data, int start, int tag, int contentStart, int end) {

    static Der at(byte[] data, int pos, int limit, int expectedTag) throws UnusableInputException {
      if (pos + 2 > limit) {
        throw new UnusableInputException("not a valid CRL (truncated)");
      }
      int tag = data[pos] & 0xFF;
      if ((tag & 0x1F) == 0x1F) {
        throw new UnusableInputException("not a valid CRL (unsupported tag)");
      }
      if (expectedTag >= 0 && tag != expectedTag) {
        throw new UnusableInputException(
            "not a valid CRL (expected tag 0x"
                + Integer.toHexString(expectedTag)
                + ", found 0x"
                + Integer.toHexString(tag)
                + ")");
      }
      int first = data[pos + 1] & 0xFF;
      int cursor = pos + 2;
      long length;
      if (first < 0x80) {
        length = first;
      } else {
        int count = first & 0x7F;
        if (count == 0 || count > 4 || cursor + count > limit) {
          throw new UnusableInputException("not a valid CRL (bad length)");
        }
        length = 0;
        for (int i = 0; i < count; i++) {
          length = (length << 8) | (data[cursor++] & 0xFF);
        }
      }
      if (length > limit - cursor) {
        throw new UnusableInputException("not a valid CRL (truncated)");
      }
      return new Der(data, pos, tag, cursor, cursor + (int) length);
    }

    void expect(int expected) throws UnusableInputException {
      if (tag != expected) {
        throw new UnusableInputException(
            "not a valid CRL (expected tag 0x" + Integer.toHexString(expected) + ")");
      }
    }

    int contentLength() {
      return end - contentStart;
    }

    byte[] bytes() {
      byte[] copy = new byte[end - start];
      System.arraycopy(data, start, copy, 0, copy.length);
      return copy;
    }

    ASN1Primitive decode() throws UnusableInputException {
      try {
        return ASN1Primitive.fromByteArray(bytes());
      } catch (java.io.IOException e) {
        throw new UnusableInputException("not a valid CRL (" + e.getMessage() + ")", e);
      }
    }
  }
}
