package dev.zengate.gateway.proxy;

/**
 * Whether the listeners serve new connections. Always open on a node without a pair; on a pair
 * member, open while it is master (or always, with {@code serveWhenBackup}). Listeners stay bound
 * either way: a closed gate resets each accepted connection at once, so taking over is a flag flip,
 * and an address that cannot be bound is found at start or reload, not at failover.
 */
public final class ServingGate {

  private volatile boolean open;

  public ServingGate(boolean open) {
    this.open = open;
  }

  public boolean isOpen() {
    return open;
  }

  public void set(boolean open) {
    this.open = open;
  }
}
