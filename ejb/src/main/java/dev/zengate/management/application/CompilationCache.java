package dev.zengate.management.application;

import dev.zengate.management.domain.listener.VirtualClient;
import dev.zengate.management.domain.listener.VirtualServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one publication pass has already read, shared from node to node: both nodes of a pair have
 * the same listeners, and many pairs share a certificate or trust store. Lives for one pass only,
 * so it never serves stale data.
 */
public final class CompilationCache {

  private final Map<Long, List<VirtualServer>> servers = new HashMap<>();
  private final Map<Long, List<VirtualClient>> clients = new HashMap<>();
  private boolean preloaded;
  final Map<Long, Map<String, Object>> nodeSettings = new HashMap<>();
  final Map<Long, String> chains = new HashMap<>();
  final Map<Long, byte[]> keys = new HashMap<>();
  final Map<Long, List<String>> trustStores = new HashMap<>();

  /** Holds every pair's listeners: a pair without any has none (no query needed). */
  void preload(List<VirtualServer> allServers, List<VirtualClient> allClients) {
    for (VirtualServer server : allServers) {
      servers.computeIfAbsent(server.pair().id(), id -> new ArrayList<>()).add(server);
    }
    for (VirtualClient client : allClients) {
      clients.computeIfAbsent(client.pair().id(), id -> new ArrayList<>()).add(client);
    }
    preloaded = true;
  }

  List<VirtualServer> servers(long pairId, Supplier<List<VirtualServer>> query) {
    return preloaded
        ? servers.getOrDefault(pairId, List.of())
        : servers.computeIfAbsent(pairId, id -> query.get());
  }

  List<VirtualClient> clients(long pairId, Supplier<List<VirtualClient>> query) {
    return preloaded
        ? clients.getOrDefault(pairId, List.of())
        : clients.computeIfAbsent(pairId, id -> query.get());
  }
}
