package dev.zengate.management.application;

import dev.zengate.management.domain.listener.VirtualClient;
import dev.zengate.management.domain.listener.VirtualServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one publication pass has already read, shared from node to node: both nodes of a pair have
 * the same listeners, and many pairs share a certificate or trust store. Lives for one pass only,
 * so it never serves stale data.
 */
public final class CompilationCache {

  final Map<Long, List<VirtualServer>> servers = new HashMap<>();
  final Map<Long, List<VirtualClient>> clients = new HashMap<>();
  final Map<Long, Map<String, Object>> nodeSettings = new HashMap<>();
  final Map<Long, String> chains = new HashMap<>();
  final Map<Long, byte[]> keys = new HashMap<>();
  final Map<Long, List<String>> trustStores = new HashMap<>();
}
