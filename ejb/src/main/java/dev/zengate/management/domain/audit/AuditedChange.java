package dev.zengate.management.domain.audit;

/**
 * What changed: the action (e.g. {@code certificate.import}), the object, and its values before and
 * after as JSON text (null when there is no before or after).
 */
public record AuditedChange(
    String action, String objectType, String objectId, String before, String after) {

  public AuditedChange {
    if (action == null || objectType == null) {
      throw new IllegalArgumentException("an audited change needs an action and an object type");
    }
    objectId = objectId == null ? "" : objectId;
  }
}
