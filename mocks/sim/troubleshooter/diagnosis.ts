/**
 * Diagnosis: for a pasted error text, the case it belongs to in this world, the nodes it names, the cause,
 * the steps and the check. Several cases may match one text; the one whose observed state applies wins.
 */
import { requireCluster } from '../cluster-lookup';
import type { Millis, OnPremCluster, World } from '../model';
import { GUIDE_CASES } from './guide-cases';
import { MESSAGE_CASES } from './message-cases';
import { CERT_PATTERN, namedNodes, parseNodeList } from './patterns';
import type { CaseContext, Diagnosis, TroubleshootCase } from './types';

/** Every case the troubleshooter knows: the guide's first, then the §1.5 messages. */
export const CASES: readonly TroubleshootCase[] = [...GUIDE_CASES, ...MESSAGE_CASES];

export function contextFor(world: World, cluster: OnPremCluster, text: string, now: Millis): CaseContext {
  const cert = CERT_PATTERN.exec(text);
  const generateNodes = cert ? parseNodeList(cert[1] ?? '') : [];
  const verifyNodes = cert ? parseNodeList(cert[2] ?? '') : [];
  const arcNode = /on Node\s+([^\s.,]+)/i.exec(text)?.[1];
  let nodes = cert ? [...new Set([...generateNodes, ...verifyNodes])] : namedNodes(cluster, text);
  if (!cert && arcNode !== undefined && !nodes.includes(arcNode)) nodes = [arcNode, ...nodes];
  return { world, cluster, nodes, generateNodes, verifyNodes, now };
}

/** The case a text belongs to, in this world, or undefined when nothing matches. */
export function diagnose(
  world: World,
  clusterName: string,
  text: string,
  now: Millis,
): Diagnosis | undefined {
  const cluster = requireCluster(world, clusterName);
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const ctx = contextFor(world, cluster, trimmed, now);
  const scored = CASES.map((c, index) => {
    const hit = c.patterns.findIndex((p) => p.test(trimmed));
    if (hit < 0) return undefined;
    const applies = c.applies ? c.applies(ctx) : true;
    // the first pattern is the case's own message; later ones are looser
    return { c, score: (hit === 0 ? 4 : 2) + (applies ? (c.applies ? 2 : 1) : -3), index };
  })
    .filter((s): s is { c: TroubleshootCase; score: number; index: number } => s !== undefined)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const best = scored[0];
  if (!best) return undefined;
  const c = best.c;
  return {
    caseId: c.id,
    title: c.title,
    source: c.source,
    cause: c.cause(ctx),
    nodes: ctx.nodes,
    generateNodes: ctx.generateNodes,
    verifyNodes: ctx.verifyNodes,
    steps: c.steps(ctx),
    check: c.check(ctx),
    alternatives: scored.slice(1).map((s) => ({ caseId: s.c.id, title: s.c.title })),
  };
}

export function findCase(id: string): TroubleshootCase | undefined {
  return CASES.find((c) => c.id === id);
}
