package dev.zengate.gateway.trust;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * What the validated certificate is for: a partner's server on a virtual client, or a partner's
 * client on a virtual server. Decides the extended key usage the chain must allow.
 */
public enum Purpose {
  SERVER(KeyPurposeId.id_kp_serverAuth, "serverAuth"),
  CLIENT(KeyPurposeId.id_kp_clientAuth, "clientAuth");

  private final KeyPurposeId keyPurpose;
  private final String label;

  Purpose(KeyPurposeId keyPurpose, String label) {
    this.keyPurpose = keyPurpose;
    this.label = label;
  }

  /** The extended key usage OID that grants this purpose. */
  public String oid() {
    return keyPurpose.getId();
  }

  /** The RFC 5280 name of the key purpose, as operators read it in OpenSSL's output. */
  public String label() {
    return label;
  }
}
