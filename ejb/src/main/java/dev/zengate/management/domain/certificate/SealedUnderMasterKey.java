package dev.zengate.management.domain.certificate;

/**
 * Something stored encrypted under the master key (envelope encryption): every such thing is
 * re-wrapped when the master key is rotated, so that none is left readable only with the old key.
 */
public interface SealedUnderMasterKey {

  SealedSecret sealed();

  /** Replaces the sealed form (the same secret, its data key wrapped by another master key). */
  void reseal(SealedSecret sealed);
}
