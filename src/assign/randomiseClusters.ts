/**
 * Cluster and blocked-cluster randomisation: whole clusters (caseworkers, teams, schools,
 * families) are assigned, and every person takes the arm of their cluster — randomizr's
 * `cluster_ra` (complete randomisation of clusters) and `block_and_cluster_ra` (within
 * blocks, each cluster in exactly one block). Algorithm "effekt-cluster-blocked-1", frozen:
 * the clusters of a batch, as units named by their labels and in the block of their persons,
 * go through "effekt-complete-blocked-1" (randomiseBatch.ts) unchanged — its overall count
 * rule is complete_ra's, and its blocks keep the overall ratio exact where block_ra rounds
 * each block on its own. The random source and batch seed are randomiseBatch's.
 */
import { pushTo } from "../shared/collections.ts";
import { randomiseBatch, type ArmRatio } from "./randomiseBatch.ts";
import { RANDOM_ALGORITHM } from "../shared/random.ts";

export const CLUSTER_ALLOCATION_ALGORITHM = `effekt-cluster-blocked-1 (whole clusters as the units of effekt-complete-blocked-1; ${RANDOM_ALGORITHM}; batch seed = first 4 bytes of SHA-256("<seed>:<batch>"), big-endian)`;

export interface ClusterAllocation {
  /** Arm per person. */
  readonly persons: Map<string, string>;
  /** Arm per cluster. */
  readonly clusters: Map<string, string>;
  /** Clusters whose persons lie in more than one block: a cluster must sit in one block (none are assigned then). */
  readonly clustersAcrossBlocks: string[];
}

export function randomiseClusters(persons: readonly { personId: string; block: string; cluster: string }[], arms: readonly ArmRatio[], seed: number, batch: string): ClusterAllocation {
  const blocksOf = new Map<string, Set<string>>();
  const membersOf = new Map<string, string[]>();
  for (const p of persons) {
    if (!blocksOf.has(p.cluster)) blocksOf.set(p.cluster, new Set());
    blocksOf.get(p.cluster)!.add(p.block);
    pushTo(membersOf, p.cluster, p.personId);
  }
  const across = [...blocksOf].filter(([, blocks]) => blocks.size > 1).map(([cluster]) => cluster).sort();
  if (across.length > 0) return { persons: new Map(), clusters: new Map(), clustersAcrossBlocks: across };
  const units = [...blocksOf].map(([cluster, blocks]) => ({ personId: cluster, block: [...blocks][0]! }));
  const clusters = randomiseBatch(units, arms, seed, batch);
  const allocation = new Map<string, string>();
  for (const [cluster, arm] of clusters) for (const person of membersOf.get(cluster)!) allocation.set(person, arm);
  return { persons: allocation, clusters, clustersAcrossBlocks: [] };
}
