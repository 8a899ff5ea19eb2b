package dev.zengate.management.infrastructure.channel;

import dev.zengate.bundle.NodeReport;
import dev.zengate.bundle.PartnerCertificate;
import java.util.List;
import java.util.Optional;

/**
 * What the channel listener asks of the management application. Every method gets the identity
 * taken from the client certificate, never one from a message. Called off the event loops.
 */
public interface ChannelBackend {

  /** The enrolled node whose channel key has this fingerprint; empty when unknown or reset. */
  Optional<NodeIdentity> identify(String channelKeyFingerprint);

  /** The newest bundle published to the node when newer than {@code runningVersion}. */
  Optional<String> newerBundle(NodeIdentity node, long runningVersion);

  /** Stores the node's report (its identity and the member's receive time already filled in). */
  void report(NodeReport report);

  /** Stores the partner certificates the node saw (already checked and bounded). */
  void partnerCertificates(NodeIdentity node, List<PartnerCertificate> certificates);

  /** The node is master: renew its pair's lease. */
  void renewLease(NodeIdentity node);

  /**
   * The node's peer is silent: {@code agreed} (lease granted), {@code refused} or {@code unknown}.
   */
  String witness(NodeIdentity node);
}
