package dev.zengate.gateway.managed;

import dev.zengate.bundle.BundleCertificate;
import dev.zengate.bundle.BundleContent;
import dev.zengate.bundle.BundleRejectedException;
import dev.zengate.bundle.ConfigBundle;
import dev.zengate.bundle.SecretSealing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a verified bundle into files the gateway reads like any configuration: a fresh {@code
 * versions/<version>/} directory with {@code certificates/NAME.pem} (chain), {@code keys/NAME.key}
 * (the opened PKCS#8 key, 0600) and {@code trust/NAME.pem}. The node's state directory is 0700 and
 * already holds the node's own private key, so opened keys are no more exposed there.
 */
public final class BundleMaterializer {

  private final StateDir state;
  private final NodeKeys keys;

  public BundleMaterializer(StateDir state, NodeKeys keys) {
    this.state = state;
    this.keys = keys;
  }

  /**
   * Opens the bundle's sealed keys and writes its files.
   *
   * @throws BundleRejectedException {@code sealed-secret} when a key was not sealed to this node
   *     for its slot, {@code storage} when the files cannot be written
   */
  public Path materialize(ConfigBundle bundle) throws BundleRejectedException {
    BundleContent content = bundle.content();
    Path versions = state.versions();
    Path target = versions.resolve(Long.toString(bundle.version()));
    Path temp = versions.resolve(".incoming-" + bundle.version());
    try {
      StateDir.createPrivateDirectories(versions);
      StateDir.deleteTree(temp);
      StateDir.createPrivateDirectories(temp);
      for (var entry : content.certificates().entrySet()) {
        writeCertificate(bundle.nodeId(), temp, entry.getKey(), entry.getValue());
      }
      for (var entry : content.trust().entrySet()) {
        Path dir = temp.resolve("trust");
        StateDir.createPrivateDirectories(dir);
        StateDir.writeAtomically(
            dir.resolve(FileNames.of(entry.getKey()) + ".pem"), joined(entry.getValue()));
      }
      StateDir.deleteTree(target);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      discardQuietly(temp);
      throw new BundleRejectedException(
          "storage", "cannot write bundle files under " + versions + ": " + e.getMessage());
    } catch (BundleRejectedException e) {
      discardQuietly(temp);
      throw e;
    }
  }

  /** Removes a materialized version that was not applied. */
  public void discard(Path versionDir) {
    discardQuietly(versionDir);
  }

  /** Removes every materialized version but {@code served}. */
  public void keepOnly(Path served) throws IOException {
    try (Stream<Path> entries = Files.list(state.versions())) {
      for (Path entry : entries.toList()) {
        if (!entry.equals(served)) {
          StateDir.deleteTree(entry);
        }
      }
    }
  }

  private void writeCertificate(long nodeId, Path dir, String name, BundleCertificate certificate)
      throws IOException, BundleRejectedException {
    if (certificate == null || certificate.chainPem() == null || certificate.key() == null) {
      throw new BundleRejectedException(
          "invalid-config", "certificate '" + name + "' has no chain or no key");
    }
    byte[] pkcs8 =
        SecretSealing.open(
            certificate.key(),
            keys.privateKey(),
            keys.publicKey(),
            BundleContent.secretContext(nodeId, name));
    byte[] pem = null;
    try {
      pem = pem(pkcs8);
      Path certificates = dir.resolve("certificates");
      Path keyDir = dir.resolve("keys");
      StateDir.createPrivateDirectories(certificates);
      StateDir.createPrivateDirectories(keyDir);
      String file = FileNames.of(name);
      StateDir.writeAtomically(certificates.resolve(file + ".pem"), certificate.chainPem());
      StateDir.writeAtomically(keyDir.resolve(file + ".key"), pem);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
      if (pem != null) {
        Arrays.fill(pem, (byte) 0);
      }
    }
  }

  private static byte[] pem(byte[] pkcs8) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8);
    return ("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String joined(List<String> pems) {
    StringBuilder out = new StringBuilder();
    for (String pem : pems == null ? List.<String>of() : pems) {
      out.append(pem.strip()).append('\n');
    }
    return out.toString();
  }

  private static void discardQuietly(Path dir) {
    try {
      StateDir.deleteTree(dir);
    } catch (IOException e) {
      // Left behind; removed at the next successful apply (keepOnly).
    }
  }
}
