package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.pair.GatewayPair;
import java.util.List;

/** A pair as the API shows it, with its nodes. */
public record PairView(
    long id, String name, String site, String description, List<NodeView> nodes, long version) {

  public static PairView of(GatewayPair pair) {
    return new PairView(
        pair.id(),
        pair.name(),
        pair.site(),
        pair.description(),
        pair.nodes().stream().map(NodeView::of).toList(),
        pair.version());
  }
}
