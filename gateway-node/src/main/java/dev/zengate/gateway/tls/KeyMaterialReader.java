package dev.zengate.gateway.tls;

import dev.zengate.gateway.config.FileErrors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
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
 * Reads certificates and private keys in the formats partners and CAs hand out: PEM or DER
 * certificates, PKCS#8 / PKCS#1 / SEC1 keys (PEM, optionally encrypted, or DER), and PKCS#12.
 * Parsing is done by BouncyCastle; every failure, including the runtime exceptions BouncyCastle
 * throws on malformed ASN.1, becomes a {@link MaterialException} naming the file.
 */
public final class KeyMaterialReader {

  private static final Provider BC = new BouncyCastleProvider();

  private KeyMaterialReader() {}

  /** All certificates in a PEM file, or the one certificate of a DER file. */
  public static List<X509Certificate> readCertificates(Path file) throws MaterialException {
    byte[] bytes = readBytes(file);
    try {
      List<X509Certificate> certs = new ArrayList<>();
      if (isPem(bytes)) {
        for (Object object : pemObjects(bytes)) {
          if (object instanceof X509CertificateHolder holder) {
            certs.add(new JcaX509CertificateConverter().getCertificate(holder));
          }
        }
      } else {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Certificate cert : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
          certs.add((X509Certificate) cert);
        }
      }
      if (certs.isEmpty()) {
        throw new MaterialException(file + ": no certificate found", null);
      }
      return certs;
    } catch (MaterialException e) {
      throw e;
    } catch (Exception e) {
      throw new MaterialException(file + ": not a valid certificate file (" + reason(e) + ")", e);
    }
  }

  /** The private key of a PEM or DER file; {@code passphrase} opens an encrypted key. */
  public static PrivateKey readPrivateKey(Path file, char[] passphrase) throws MaterialException {
    byte[] bytes = readBytes(file);
    try {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      Object keyObject = null;
      if (isPem(bytes)) {
        for (Object object : pemObjects(bytes)) {
          if (object instanceof PEMKeyPair
              || object instanceof PrivateKeyInfo
              || object instanceof PEMEncryptedKeyPair
              || object instanceof PKCS8EncryptedPrivateKeyInfo) {
            keyObject = object;
            break;
          }
        }
      } else {
        keyObject = derKey(bytes);
      }
      if (keyObject == null) {
        throw new MaterialException(file + ": no private key found", null);
      }
      return toPrivateKey(file, keyObject, passphrase, converter);
    } catch (MaterialException e) {
      throw e;
    } catch (Exception e) {
      throw new MaterialException(file + ": not a valid private key file (" + reason(e) + ")", e);
    }
  }

  /** The first key entry of a PKCS#12 file and its chain. */
  public static CertifiedKey readPkcs12(Path file, char[] passphrase) throws MaterialException {
    byte[] bytes = readBytes(file);
    char[] password = passphrase == null ? new char[0] : passphrase;
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          Key key = store.getKey(alias, password);
          Certificate[] chain = store.getCertificateChain(alias);
          if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : chain) {
              certs.add((X509Certificate) c);
            }
            return new CertifiedKey(certs, privateKey);
          }
        }
      }
      throw new MaterialException(file + ": PKCS#12 file holds no private key with a chain", null);
    } catch (MaterialException e) {
      throw e;
    } catch (IOException e) {
      if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
        throw new MaterialException(file + ": wrong passphrase for PKCS#12 file", e);
      }
      throw new MaterialException(
          file + ": not a readable PKCS#12 file or wrong passphrase (" + reason(e) + ")", e);
    } catch (Exception e) {
      throw new MaterialException(file + ": not a valid PKCS#12 file (" + reason(e) + ")", e);
    }
  }

  /** Checks that the key belongs to the leaf certificate by signing and verifying a probe. */
  public static void requireMatchingKey(CertifiedKey certified, String what)
      throws MaterialException {
    try {
      String algorithm =
          certified.keyAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      byte[] probe = "zengate key match probe".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(certified.key());
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certified.leaf().getPublicKey());
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new MaterialException(
            what + ": the private key does not match the certificate", null);
      }
    } catch (MaterialException e) {
      throw e;
    } catch (Exception e) {
      throw new MaterialException(
          what + ": the private key does not match the certificate (" + reason(e) + ")", e);
    }
  }

  private static PrivateKey toPrivateKey(
      Path file, Object keyObject, char[] passphrase, JcaPEMKeyConverter converter)
      throws Exception {
    boolean encrypted =
        keyObject instanceof PEMEncryptedKeyPair
            || keyObject instanceof PKCS8EncryptedPrivateKeyInfo;
    if (encrypted && (passphrase == null || passphrase.length == 0)) {
      throw new MaterialException(file + ": the key is encrypted and no passphrase is given", null);
    }
    try {
      if (keyObject instanceof PEMEncryptedKeyPair pair) {
        return converter
            .getKeyPair(
                pair.decryptKeyPair(
                    new JcePEMDecryptorProviderBuilder().setProvider(BC).build(passphrase)))
            .getPrivate();
      }
      if (keyObject instanceof PKCS8EncryptedPrivateKeyInfo info) {
        return converter.getPrivateKey(
            info.decryptPrivateKeyInfo(
                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase)));
      }
    } catch (Exception e) {
      throw new MaterialException(
          file + ": wrong passphrase or damaged encrypted key (" + reason(e) + ")", e);
    }
    if (keyObject instanceof PEMKeyPair pair) {
      // SEC1 EC keys may omit the public key; only the private part is needed.
      return converter.getPrivateKey(pair.getPrivateKeyInfo());
    }
    return converter.getPrivateKey((PrivateKeyInfo) keyObject);
  }

  private static Object derKey(byte[] bytes) {
    try {
      return new PKCS8EncryptedPrivateKeyInfo(bytes);
    } catch (Exception notEncrypted) {
      return PrivateKeyInfo.getInstance(bytes);
    }
  }

  private static List<Object> pemObjects(byte[] bytes) throws IOException {
    List<Object> objects = new ArrayList<>();
    try (PEMParser parser =
        new PEMParser(new StringReader(new String(bytes, StandardCharsets.US_ASCII)))) {
      Object object;
      while ((object = parser.readObject()) != null) {
        objects.add(object);
      }
    }
    return objects;
  }

  private static boolean isPem(byte[] bytes) {
    return new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII)
        .contains("-----BEGIN ");
  }

  private static byte[] readBytes(Path file) throws MaterialException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new MaterialException(file + ": file not found", e);
    } catch (IOException | RuntimeException e) {
      throw new MaterialException(file + ": cannot read (" + reason(e) + ")", e);
    }
  }

  private static String reason(Throwable e) {
    return FileErrors.describe(e);
  }
}
