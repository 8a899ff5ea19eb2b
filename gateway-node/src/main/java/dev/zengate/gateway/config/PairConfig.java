package dev.zengate.gateway.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Optional {@code pair:} section: this node is one member of a master/backup pair (the appliance's
 * VRRP redundancy). Members advertise to each other directly over UDP; the master serves, the
 * backup refuses connections until it takes over. Without this section the node always serves.
 *
 * @param id the pair's identifier; advertisements carrying another id are ignored
 * @param listen address this node receives advertisements on and sends them from (an IP literal)
 * @param peer the other member's {@code listen} address
 * @param priority 1-254, higher wins the master role (default 100)
 * @param preempt whether this node takes the master role from a lower-ranked master (default true,
 *     as VRRP); false leaves a working master alone
 * @param advertInterval how often advertisements are sent (default 200ms)
 * @param deadInterval silence after which the peer is taken for dead (default 3 × advertInterval +
 *     skew, skew = (256 − priority) × advertInterval / 256, as VRRPv3)
 * @param tieBreak what decides between equal priorities: the higher heartbeat address (default) or
 *     the higher node name
 * @param secret shared secret authenticating advertisements (HMAC-SHA256), or null
 * @param secretFile file whose first line is the shared secret, or null
 * @param serveWhenBackup whether the backup also accepts connections (default false)
 * @param hooks commands run on role changes
 */
public record PairConfig(
    String id,
    HostPort listen,
    HostPort peer,
    Integer priority,
    Boolean preempt,
    Duration advertInterval,
    Duration deadInterval,
    PairTieBreak tieBreak,
    String secret,
    Path secretFile,
    Boolean serveWhenBackup,
    PairHooks hooks) {

  public static final int DEFAULT_PRIORITY = 100;
  public static final Duration DEFAULT_ADVERT_INTERVAL = Duration.ofMillis(200);

  public PairConfig {
    priority = priority == null ? DEFAULT_PRIORITY : priority;
    preempt = preempt == null ? Boolean.TRUE : preempt;
    advertInterval = advertInterval == null ? DEFAULT_ADVERT_INTERVAL : advertInterval;
    tieBreak = tieBreak == null ? PairTieBreak.ADDRESS : tieBreak;
    serveWhenBackup = serveWhenBackup == null ? Boolean.FALSE : serveWhenBackup;
    hooks = hooks == null ? PairHooks.NONE : hooks;
  }

  /** The configured dead interval, or the VRRPv3 master-down interval for this priority. */
  public Duration effectiveDeadInterval() {
    if (deadInterval != null) {
      return deadInterval;
    }
    long advert = advertInterval.toMillis();
    long skew = (256 - priority) * advert / 256;
    return Duration.ofMillis(3 * advert + skew);
  }

  /**
   * The shared secret's bytes (UTF-8 of {@code secret}, or the first line of {@code secretFile}),
   * or null when advertisements are not authenticated.
   */
  public byte[] secretBytes() throws ConfigProblem {
    if (secret != null) {
      return secret.getBytes(StandardCharsets.UTF_8);
    }
    if (secretFile == null) {
      return null;
    }
    String line;
    try (BufferedReader reader = Files.newBufferedReader(secretFile, StandardCharsets.UTF_8)) {
      line = reader.readLine();
    } catch (IOException e) {
      throw new ConfigProblem("pair.secretFile", secretFile + ": " + FileErrors.describe(e), e);
    }
    if (line == null || line.strip().length() < PairValidator.MIN_SECRET_LENGTH) {
      throw new ConfigProblem(
          "pair.secretFile",
          secretFile
              + ": the first line must hold a secret of at least "
              + PairValidator.MIN_SECRET_LENGTH
              + " characters");
    }
    return line.strip().getBytes(StandardCharsets.UTF_8);
  }

  public PairConfig resolveAgainst(Path base) {
    return secretFile == null
        ? this
        : new PairConfig(
            id,
            listen,
            peer,
            priority,
            preempt,
            advertInterval,
            deadInterval,
            tieBreak,
            secret,
            CertificateConfig.resolve(base, secretFile),
            serveWhenBackup,
            hooks);
  }
}
