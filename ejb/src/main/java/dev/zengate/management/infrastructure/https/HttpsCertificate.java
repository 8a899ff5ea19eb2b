package dev.zengate.management.infrastructure.https;

import dev.zengate.management.domain.certificate.KeyPairCheck;
import dev.zengate.management.domain.certificate.PkiMaterial;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.infrastructure.channel.ChannelCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The certificate the management server presents on HTTPS: the operator's (PEM files named by
 * {@code ZENGATE_TLS_CERT} and {@code ZENGATE_TLS_KEY}) or, without them, one issued under a CA of
 * this installation that clients are told to trust (its file and the fingerprint are printed).
 */
public record HttpsCertificate(List<X509Certificate> chain, PrivateKey key, String origin) {

  /** The alias under which the key store holds it; Payara's listener names it. */
  public static final String ALIAS = "zengate-https";

  /** A generated certificate lives 397 days, the longest browsers accept. */
  static final Duration GENERATED_LIFETIME = Duration.ofDays(397);

  /** A generated certificate is replaced when less than this is left, at the next start. */
  static final Duration RENEW_BEFORE = Duration.ofDays(30);

  /** Reads the operator's certificate (chain, leaf first or anywhere) and its unencrypted key. */
  public static HttpsCertificate fromFiles(Path certificateFile, Path keyFile, Instant now) {
    List<X509Certificate> chain =
        PkiMaterial.certificates(
            "ZENGATE_TLS_CERT (" + certificateFile + ")", read(certificateFile));
    PrivateKey key =
        PkiMaterial.privateKey("ZENGATE_TLS_KEY (" + keyFile + ")", read(keyFile), null);
    X509Certificate leaf =
        chain.stream()
            .filter(c -> KeyPairCheck.matches(c.getPublicKey(), key))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "the key in "
                            + keyFile
                            + " does not belong to the certificate in "
                            + certificateFile));
    requireValid(leaf, certificateFile, now);
    List<X509Certificate> ordered =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(leaf), chain.stream().filter(c -> c != leaf))
            .toList();
    return new HttpsCertificate(ordered, key, "given by " + certificateFile);
  }

  /**
   * The generated certificate in {@code dir}: made on the first start (with the CA, {@code
   * ca.crt}), issued again when it nears its end or when it does not name every one of {@code
   * names}. The CA is kept, so clients that trust it need nothing new.
   */
  public static HttpsCertificate generated(Path dir, List<String> names, Instant now) {
    GeneratedCa ca = GeneratedCa.open(dir);
    Path certificateFile = dir.resolve("server.crt");
    Path keyFile = dir.resolve("server.key");
    if (Files.exists(certificateFile) && Files.exists(keyFile)) {
      X509Certificate current =
          PkiMaterial.certificates(certificateFile.toString(), read(certificateFile)).get(0);
      PrivateKey key = PkiMaterial.privateKey(keyFile.toString(), read(keyFile), null);
      if (current.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE))
          && ServerNames.covers(current, names)
          && current.getIssuerX500Principal().equals(ca.certificate().getSubjectX500Principal())) {
        return new HttpsCertificate(List.of(current, ca.certificate()), key, ca.origin());
      }
    }
    KeyPair pair = ChannelCertificates.newKey();
    X509Certificate issued =
        ChannelCertificates.server(
            ca.certificate(),
            ca.key(),
            pair.getPublic(),
            "Zengate management server",
            names,
            GENERATED_LIFETIME);
    SecretFiles.write(keyFile, SecretFiles.pkcs8(pair.getPrivate()));
    SecretFiles.writePublic(certificateFile, ChannelCertificates.pem(issued));
    return new HttpsCertificate(List.of(issued, ca.certificate()), pair.getPrivate(), ca.origin());
  }

  /** SHA-256 of the leaf certificate, as browsers show it (AB:CD:…). */
  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(chain.get(0).getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a PKCS#12 key store (mode 0600) for Payara's listener, under {@code password}. */
  public void writeKeyStore(Path file, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, password, chain.toArray(Certificate[]::new));
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(SecretFiles.OWNER_ONLY));
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot write the HTTPS key store " + file + ": " + e, e);
    }
  }

  private static void requireValid(X509Certificate leaf, Path file, Instant now) {
    if (leaf.getNotAfter().toInstant().isBefore(now)) {
      throw new InvalidInputException(
          "the certificate in " + file + " expired on " + leaf.getNotAfter().toInstant());
    }
    if (leaf.getNotBefore().toInstant().isAfter(now)) {
      throw new InvalidInputException(
          "the certificate in " + file + " is not valid before " + leaf.getNotBefore().toInstant());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InvalidInputException(file + " does not exist");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
