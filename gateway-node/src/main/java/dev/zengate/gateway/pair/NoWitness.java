package dev.zengate.gateway.pair;

import java.util.Optional;

/**
 * No witness: a backup whose peer is silent takes over, exactly as VRRP (and the SX-3945-ZT
 * appliance) does. If the heartbeat link is cut while both nodes live, both become master (split
 * brain) until the link heals, when the lower-ranked one steps down.
 */
public final class NoWitness implements MasterWitness {

  public static final NoWitness INSTANCE = new NoWitness();

  private NoWitness() {}

  @Override
  public Optional<Boolean> mayBecomeMaster(Query query) {
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "none";
  }
}
