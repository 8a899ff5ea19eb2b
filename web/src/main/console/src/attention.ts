import { NodeView, PairView } from './types';

export interface NodeOfPair {
  pair: PairView;
  node: NodeView;
}

/** What needs someone's attention first, from the pairs and their nodes' reports. */
export function attentionOf(pairs: PairView[]) {
  const nodes = pairs.flatMap((pair) => pair.nodes.map((node) => ({ pair, node })));
  return {
    // A node that was published something it does not run (yet).
    outOfSync: nodes.filter(({ node }) => node.enrolled && node.publishedVersion > 0 && !node.inSync),
    // Two live nodes of one pair that both say they are master.
    splitBrain: pairs.filter((p) => p.nodes.filter((n) => n.live && n.reportedRole === 'MASTER').length > 1),
    // Enrolled but silent; a node never enrolled has nothing to report yet.
    notReporting: nodes.filter(({ node }) => node.enrolled && !node.live),
    rejected: nodes.filter(({ node }) => node.rejectedCode != null),
    // The management server could not publish to it (e.g. a signing key it cannot open).
    publicationFailing: nodes.filter(({ node }) => node.publicationFailedAt != null),
  };
}
