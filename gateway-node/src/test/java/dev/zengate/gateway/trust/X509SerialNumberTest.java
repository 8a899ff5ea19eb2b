package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static dev.zengate.gateway.trust.StrictCases.assertAccepted;
import static dev.zengate.gateway.trust.StrictCases.assertRelaxedBy;

import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.profile.Relaxation;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serial numbers are positive and at most 20 octets (RFC 5280 4.1.2.2). */
class X509SerialNumberTest {

  @TempDir static Path dir;
  static Pki pki;
  static Cert root;

  @BeforeAll
  static void pki() throws Exception {
    pki = new Pki(dir);
    root = pki.root("Serial Root");
  }

  private static Cert leafWithSerial(String cn, BigInteger serial) throws Exception {
    return pki.issue(spec(cn).issuer(root).dns(cn).serial(serial));
  }

  /** A positive number of exactly {@code octets} octets in DER (top bit clear). */
  private static BigInteger octets(int octets) {
    byte[] bytes = new byte[octets];
    Arrays.fill(bytes, (byte) 0x5a);
    return new BigInteger(bytes);
  }

  @Test
  void zeroSerialIsRejected() throws Exception {
    Cert leaf = leafWithSerial("serial-zero.example", BigInteger.ZERO);
    assertRelaxedBy(Relaxation.NONCONFORMING_SERIAL, "serial-number", Purpose.SERVER, root, leaf);
  }

  @Test
  void negativeSerialIsRejected() throws Exception {
    Cert leaf = leafWithSerial("serial-negative.example", BigInteger.valueOf(-4242));
    assertRelaxedBy(Relaxation.NONCONFORMING_SERIAL, "serial-number", Purpose.SERVER, root, leaf);
  }

  @Test
  void serialLongerThanTwentyOctetsIsRejected() throws Exception {
    Cert leaf = leafWithSerial("serial-long.example", octets(22));
    assertRelaxedBy(Relaxation.NONCONFORMING_SERIAL, "serial-number", Purpose.SERVER, root, leaf);
  }

  @Test
  void serialOfExactlyTwentyOctetsIsAccepted() throws Exception {
    assertAccepted(Purpose.SERVER, root, leafWithSerial("serial-20.example", octets(20)));
  }
}
