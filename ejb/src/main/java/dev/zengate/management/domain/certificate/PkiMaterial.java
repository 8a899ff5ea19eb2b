package dev.zengate.management.domain.certificate;

import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.Message;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads certificates and private keys as operators upload them: PEM or DER certificates and chains,
 * PEM keys (PKCS#8, PKCS#1, SEC1; encrypted with a passphrase too) and PKCS#12 files.
 *
 * <p>Uploaded bytes are untrusted: every failure of the underlying parsers, checked or not
 * (BouncyCastle throws unchecked exceptions on malformed ASN.1), becomes an {@link
 * InvalidInputException} that says what is wrong with which input.
 */
public final class PkiMaterial {

  /** BouncyCastle as a private provider instance: never registered JVM-wide in the server. */
  static final Provider BC = new BouncyCastleProvider();

  private PkiMaterial() {}

  /** The certificates in PEM text, or in base64-encoded DER; at least one. */
  public static List<X509Certificate> certificates(String what, String text) {
    if (text == null || text.isBlank()) {
      throw refused(what, "pki.empty");
    }
    try {
      List<X509Certificate> certificates =
          text.contains("-----BEGIN") ? pemCertificates(what, text) : derCertificate(what, text);
      if (certificates.isEmpty()) {
        throw refused(what, "pki.noCertificate");
      }
      return certificates;
    } catch (InvalidInputException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw malformed(what, e);
    }
  }

  /** A private key from PEM text, decrypting it with the passphrase when it is encrypted. */
  public static PrivateKey privateKey(String what, String pem, char[] passphrase) {
    if (pem == null || pem.isBlank()) {
      throw refused(what, "pki.empty");
    }
    if (!pem.contains("-----BEGIN")) {
      throw refused(what, "pki.keyNotPem");
    }
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      // The JDK providers make the keys, so they work with the JDK's Signature and KeyStore.
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        if (item instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (item instanceof PEMKeyPair pair) {
          // SEC1/PKCS#1 blocks may omit the public key: use only the private part.
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
          requirePassphrase(what, passphrase);
          return converter.getPrivateKey(decrypt(what, encrypted, passphrase));
        }
        if (item instanceof PEMEncryptedKeyPair encrypted) {
          requirePassphrase(what, passphrase);
          return converter.getPrivateKey(decrypt(what, encrypted, passphrase).getPrivateKeyInfo());
        }
      }
      throw refused(what, "pki.noKey");
    } catch (InvalidInputException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw malformed(what, e);
    }
  }

  /** The key and its certificate chain (leaf first) from a PKCS#12 file. */
  public static KeyAndChain pkcs12(String what, byte[] pkcs12, char[] passphrase) {
    if (pkcs12 == null || pkcs12.length == 0) {
      throw refused(what, "pki.empty");
    }
    requirePassphrase(what, passphrase);
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(pkcs12), passphrase);
    } catch (IOException e) {
      if (rootCause(e) instanceof UnrecoverableKeyException
          || String.valueOf(e.getMessage()).contains("password")) {
        throw refused(what, "pki.wrongPassphrase");
      }
      throw malformed(what, e);
    } catch (Exception | StackOverflowError e) {
      throw malformed(what, e);
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          PrivateKey key = (PrivateKey) store.getKey(alias, passphrase);
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
          }
          return new KeyAndChain(key, chain);
        }
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw refused(what, "pki.keyUnreadable", String.valueOf(e.getMessage()));
    }
    throw refused(what, "pki.noKeyEntry");
  }

  private static List<X509Certificate> pemCertificates(String what, String text)
      throws IOException, CertificateException {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        if (item instanceof X509CertificateHolder holder) {
          certificates.add(converter.getCertificate(holder));
        } else {
          throw refused(what, "pki.notACertificate", item.getClass().getSimpleName());
        }
      }
    }
    return certificates;
  }

  private static List<X509Certificate> derCertificate(String what, String base64)
      throws CertificateException {
    byte[] der;
    // The MIME decoder skips foreign characters: check the alphabet first.
    if (!base64.matches("[A-Za-z0-9+/=\\s]+")) {
      throw refused(what, "pki.notPemNorDer");
    }
    try {
      der = Base64.getMimeDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw refused(what, "pki.notPemNorDer");
    }
    return List.of(der(what, der));
  }

  /** One certificate from DER bytes. */
  public static X509Certificate der(String what, byte[] der) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      var certificates = factory.generateCertificates(new ByteArrayInputStream(der));
      if (certificates.size() != 1) {
        throw refused(what, "pki.notOneDer");
      }
      return (X509Certificate) certificates.iterator().next();
    } catch (InvalidInputException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw malformed(what, e);
    }
  }

  private static PrivateKeyInfo decrypt(
      String what, PKCS8EncryptedPrivateKeyInfo encrypted, char[] passphrase) {
    try {
      return encrypted.decryptPrivateKeyInfo(
          new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase));
    } catch (Exception e) {
      throw refused(what, "pki.wrongPassphrase");
    }
  }

  private static PEMKeyPair decrypt(String what, PEMEncryptedKeyPair encrypted, char[] passphrase) {
    try {
      return encrypted.decryptKeyPair(
          new JcePEMDecryptorProviderBuilder().setProvider(BC).build(passphrase));
    } catch (Exception e) {
      throw refused(what, "pki.wrongPassphrase");
    }
  }

  private static void requirePassphrase(String what, char[] passphrase) {
    if (passphrase == null || passphrase.length == 0) {
      throw refused(what, "pki.needsPassphrase");
    }
  }

  /**
   * A refusal of the input named {@code what}: the request's property (certificates, privateKey,
   * pkcs12), whose label is in the messages and which the refusal then concerns, or any other name
   * (a file), used as it is.
   */
  private static InvalidInputException refused(String what, String key, Object... args) {
    Message label = Message.labelOr(what);
    Object[] all = new Object[args.length + 1];
    all[0] = label;
    System.arraycopy(args, 0, all, 1, args.length);
    return InvalidInputException.at(Message.isField(what) ? what : null, key, all);
  }

  private static InvalidInputException malformed(String what, Throwable cause) {
    String detail = rootCause(cause).getMessage();
    return detail == null || detail.isBlank()
        ? refused(what, "pki.malformed")
        : refused(what, "pki.malformedBecause", firstLine(detail));
  }

  private static Throwable rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
