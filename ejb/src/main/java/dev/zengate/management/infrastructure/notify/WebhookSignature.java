package dev.zengate.management.infrastructure.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's signature: HMAC-SHA256 with the shared secret over {@code TIMESTAMP "." BODY}, sent
 * as {@code X-Zengate-Signature: sha256=HEX} beside {@code X-Zengate-Timestamp: TIMESTAMP} (Unix
 * seconds). Signing the timestamp with the body lets a receiver refuse a replayed request: it
 * checks the signature, then that the timestamp is recent (say, within five minutes).
 */
public final class WebhookSignature {

  public static final String SIGNATURE_HEADER = "X-Zengate-Signature";
  public static final String TIMESTAMP_HEADER = "X-Zengate-Timestamp";

  private WebhookSignature() {}

  public static String sign(byte[] secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
