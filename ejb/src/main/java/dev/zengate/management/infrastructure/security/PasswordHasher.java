package dev.zengate.management.infrastructure.security;

import dev.zengate.management.domain.shared.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id (BouncyCastle), stored in the PHC string format so the cost can be
 * raised later without invalidating existing hashes. Parameters are OWASP's minimum for Argon2id:
 * 19 MiB of memory, 2 iterations, 1 lane.
 */
@ApplicationScoped
public class PasswordHasher {

  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  /** Password checks running at once, each holding 19 MiB: bounded whatever the load. */
  static final int CONCURRENT_CHECKS = 4;

  static final long QUEUE_WAIT_SECONDS = 10;

  private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS, true);
  private final SecureRandom random = new SecureRandom();
  private final String dummy = hash("no such user");

  /** A real hash of nothing anyone knows: checking against it costs what a real check costs. */
  public String dummyHash() {
    return dummy;
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return String.format(
        "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s",
        MEMORY_KIB, ITERATIONS, PARALLELISM, B64.encodeToString(salt), B64.encodeToString(hash));
  }

  /**
   * Whether {@code password} matches {@code stored}. At most {@link #CONCURRENT_CHECKS} checks run
   * at once (each takes 19 MiB), so a burst of sign-ins cannot exhaust the heap; a check that waits
   * longer than {@link #QUEUE_WAIT_SECONDS} is refused as unavailable.
   */
  public boolean matches(String password, String stored) {
    Matcher phc = stored == null ? null : PHC.matcher(stored);
    if (password == null || phc == null || !phc.matches()) {
      return false;
    }
    byte[] expected = B64_DECODER.decode(phc.group(5));
    acquireCheck();
    try {
      byte[] actual =
          derive(
              password,
              B64_DECODER.decode(phc.group(4)),
              Integer.parseInt(phc.group(1)),
              Integer.parseInt(phc.group(2)),
              Integer.parseInt(phc.group(3)),
              expected.length);
      return MessageDigest.isEqual(expected, actual);
    } finally {
      checks.release();
    }
  }

  private void acquireCheck() {
    try {
      if (!checks.tryAcquire(QUEUE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new UnavailableException(
            "too many password checks at once: try again in a few seconds");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted while waiting to check a password");
    }
  }

  private static byte[] derive(
      String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .build());
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
