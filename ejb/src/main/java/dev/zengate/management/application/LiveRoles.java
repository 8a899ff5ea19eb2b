package dev.zengate.management.application;

import com.hazelcast.map.IMap;
import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.BundleRejectedException;
import dev.zengate.bundle.NodeReport;
import dev.zengate.management.infrastructure.grid.DataGrid;
import dev.zengate.management.infrastructure.grid.GridNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The roles nodes report right now, read from the grid where their reports land (the database keeps
 * heartbeats only every few seconds). A report counts while it was sent within {@link #FRESH}
 * (nodes and servers keep time by NTP), so a killed master stops counting within seconds and is not
 * taken for a second master.
 */
@ApplicationScoped
public class LiveRoles {

  public static final Duration FRESH = Duration.ofSeconds(3);

  @Inject private DataGrid grid;

  /** Node id to its fresh role; empty when the grid is not available (callers fall back). */
  public Optional<Map<Long, String>> of(List<Long> nodeIds) {
    Optional<IMap<String, String>> reports = grid.map(GridNames.NODE_REPORTS);
    if (reports.isEmpty()) {
      return Optional.empty();
    }
    Instant oldest = Instant.now().minus(FRESH);
    Map<Long, String> roles = new HashMap<>();
    Map<String, String> latest =
        reports.get().getAll(nodeIds.stream().map(GridNames::key).collect(Collectors.toSet()));
    for (long id : nodeIds) {
      String json = latest.get(GridNames.key(id));
      if (json == null) {
        continue;
      }
      try {
        NodeReport report = BundleJson.read(json, NodeReport.class);
        if (Instant.parse(report.sentAt()).isAfter(oldest)) {
          roles.put(id, report.role());
        }
      } catch (BundleRejectedException | RuntimeException e) {
        // an unreadable report says nothing about the role
      }
    }
    return Optional.of(roles);
  }
}
