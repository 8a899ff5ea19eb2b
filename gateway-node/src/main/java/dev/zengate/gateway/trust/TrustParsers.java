package dev.zengate.gateway.trust;

import dev.zengate.gateway.config.FileErrors;
import dev.zengate.gateway.trust.profile.CertificateStructure;
import dev.zengate.gateway.trust.revocation.CrlIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * The parsing entry points for everything a partner, a CA or a responder hands the gateway:
 * certificates (PEM or DER), CRLs (PEM or DER) and OCSP responses (DER). Malformed ASN.1 makes
 * BouncyCastle and the JDK throw all sorts of runtime exceptions; here every one of them becomes an
 * {@link UnusableInputException} with a one-line reason.
 */
public final class TrustParsers {

  private static final int MAX_INPUT = 64 * 1024 * 1024;

  private TrustParsers() {}

  public static List<X509Certificate> certificates(Path file) throws UnusableInputException {
    byte[] bytes = read(file);
    try {
      return certificates(bytes);
    } catch (MalformedCertificateException e) {
      throw e;
    } catch (UnusableInputException e) {
      throw new UnusableInputException(file + ": " + e.getMessage(), e);
    }
  }

  public static CrlIndex crl(Path file) throws UnusableInputException {
    byte[] bytes = read(file);
    try {
      return crl(bytes);
    } catch (UnusableInputException e) {
      throw new UnusableInputException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every certificate in PEM text (other PEM blocks are skipped) or in DER bytes. A certificate the
   * JDK refuses but that breaks a named malformed-input rule throws {@link
   * MalformedCertificateException} with that rule's reason.
   */
  public static List<X509Certificate> certificates(byte[] bytes) throws UnusableInputException {
    try {
      List<byte[]> encoded = new ArrayList<>();
      if (isPem(bytes)) {
        for (PemObject pem : pemObjects(bytes)) {
          if (pem.getType().endsWith("CERTIFICATE") && !pem.getType().contains("REQUEST")) {
            encoded.add(pem.getContent());
          }
        }
      } else {
        encoded.add(bytes);
      }
      if (encoded.isEmpty()) {
        throw new UnusableInputException("no certificate found");
      }
      List<X509Certificate> certs = new ArrayList<>();
      for (byte[] der : encoded) {
        certs.add(certificate(der));
      }
      return List.copyOf(certs);
    } catch (UnusableInputException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw new UnusableInputException("not a valid certificate (" + reason(e) + ")", e);
    }
  }

  private static X509Certificate certificate(byte[] der) throws UnusableInputException {
    try {
      X509Certificate cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      forceDecode(cert);
      return cert;
    } catch (Exception | StackOverflowError e) {
      Optional<String> defect = CertificateStructure.defect(der);
      if (defect.isPresent()) {
        throw new MalformedCertificateException(defect.get(), e);
      }
      throw new UnusableInputException("not a valid certificate (" + reason(e) + ")", e);
    }
  }

  /** A CRL in PEM ({@code X509 CRL}) or DER, indexed by serial number. */
  public static CrlIndex crl(byte[] bytes) throws UnusableInputException {
    try {
      byte[] der = bytes;
      if (isPem(bytes)) {
        der = null;
        for (PemObject pem : pemObjects(bytes)) {
          if (pem.getType().endsWith("CRL")) {
            der = pem.getContent();
            break;
          }
        }
        if (der == null) {
          throw new UnusableInputException("no CRL found");
        }
      }
      return CrlIndex.parse(der);
    } catch (UnusableInputException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw new UnusableInputException("not a valid CRL (" + reason(e) + ")", e);
    }
  }

  /** A DER OCSP response as a responder sends it, with its basic response decoded if present. */
  public static OCSPResp ocspResponse(byte[] bytes) throws UnusableInputException {
    try {
      OCSPResp response = new OCSPResp(bytes);
      if (response.getStatus() == OCSPResp.SUCCESSFUL) {
        Object basic = response.getResponseObject();
        if (!(basic instanceof org.bouncycastle.cert.ocsp.BasicOCSPResp parsed)) {
          throw new UnusableInputException("OCSP response is not a basic OCSP response");
        }
        for (var single : parsed.getResponses()) {
          single.getCertStatus();
          single.getThisUpdate();
          single.getNextUpdate();
        }
        parsed.getCerts();
        parsed.getProducedAt();
      }
      return response;
    } catch (UnusableInputException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw new UnusableInputException("not a valid OCSP response (" + reason(e) + ")", e);
    }
  }

  private static void forceDecode(X509Certificate cert) throws Exception {
    cert.getSubjectX500Principal();
    cert.getIssuerX500Principal();
    cert.getPublicKey();
    cert.getExtendedKeyUsage();
    cert.getSubjectAlternativeNames();
    cert.getBasicConstraints();
    cert.getKeyUsage();
  }

  private static List<PemObject> pemObjects(byte[] bytes) throws IOException {
    List<PemObject> objects = new ArrayList<>();
    try (PemReader reader =
        new PemReader(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII))) {
      PemObject pem;
      while ((pem = reader.readPemObject()) != null) {
        objects.add(pem);
      }
    }
    return objects;
  }

  private static boolean isPem(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII);
    return head.contains("-----BEGIN ");
  }

  private static byte[] read(Path file) throws UnusableInputException {
    try {
      if (Files.size(file) > MAX_INPUT) {
        throw new UnusableInputException(file + ": larger than " + MAX_INPUT + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UnusableInputException(file + ": cannot read (" + reason(e) + ")", e);
    }
  }

  static String reason(Throwable e) {
    return FileErrors.describe(e);
  }
}
