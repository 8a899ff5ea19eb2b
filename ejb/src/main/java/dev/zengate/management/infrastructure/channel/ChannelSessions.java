package dev.zengate.management.infrastructure.channel;

import dev.zengate.bundle.channel.ChannelMessage;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The channels this member holds, one per node: the newest connection of a node replaces (and
 * closes) an older one. Pushes and revocations arrive from the grid on any thread.
 */
public final class ChannelSessions {

  private static final Logger LOG = Logger.getLogger("dev.zengate.management.channel");
  private final Map<Long, Channel> byNode = new ConcurrentHashMap<>();

  void register(long nodeId, Channel channel) {
    Channel previous = byNode.put(nodeId, channel);
    if (previous != null && previous != channel) {
      previous.close();
    }
  }

  void unregister(long nodeId, Channel channel) {
    byNode.remove(nodeId, channel);
  }

  /** Sends to the node if this member holds its channel; returns whether it did. */
  public boolean send(long nodeId, ChannelMessage message) {
    Channel channel = byNode.get(nodeId);
    if (channel == null || !channel.isActive()) {
      return false;
    }
    channel.writeAndFlush(message);
    return true;
  }

  /** Closes the node's channel at once (its enrollment was reset). */
  public void close(long nodeId, String why) {
    Channel channel = byNode.remove(nodeId);
    if (channel != null) {
      LOG.warning("node_channel_closed node=" + nodeId + " reason=" + why);
      channel
          .writeAndFlush(new ChannelMessage.Refused("revoked", why))
          .addListener(f -> channel.close());
    }
  }

  public int size() {
    return byNode.size();
  }
}
