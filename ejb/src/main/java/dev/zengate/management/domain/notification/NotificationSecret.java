package dev.zengate.management.domain.notification;

import dev.zengate.management.domain.certificate.SealedSecret;
import dev.zengate.management.domain.certificate.SealedUnderMasterKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A secret of a notification channel (a webhook's HMAC key, the SMTP password), sealed under the
 * master key like private keys and re-wrapped with them; never returned by the API.
 */
@Entity
@Table(name = "notification_secret")
public class NotificationSecret implements SealedUnderMasterKey {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "purpose", nullable = false)
  private String purpose;

  @Column(name = "master_key_id", nullable = false)
  private String masterKeyId;

  @Column(name = "wrapped_data_key", nullable = false)
  private byte[] wrappedDataKey;

  @Column(name = "sealed_secret", nullable = false)
  private byte[] sealedSecret;

  protected NotificationSecret() {}

  public NotificationSecret(String purpose, SealedSecret sealed) {
    this.purpose = purpose;
    reseal(sealed);
  }

  public Long id() {
    return id;
  }

  /** What it is for; also the sealing context, so it opens for this use only. */
  public String purpose() {
    return purpose;
  }

  @Override
  public SealedSecret sealed() {
    return new SealedSecret(masterKeyId, wrappedDataKey, sealedSecret);
  }

  @Override
  public final void reseal(SealedSecret sealed) {
    this.masterKeyId = sealed.masterKeyId();
    this.wrappedDataKey = sealed.wrappedDataKey();
    this.sealedSecret = sealed.ciphertext();
  }
}
