/**
 * Keeps the derived heartbeat grid honest when a node's ability to reach Azure changes. Call it after any
 * change to power, outbound connectivity, proxy or the agent: it freezes the last heartbeat when the
 * agent goes quiet and starts a new 5-minute grid when it can talk again.
 */
import { ARC_EXPIRED_AFTER, agentCanHeartbeat, lastHeartbeat } from './derive';
import type { Millis, World } from './model';
import { own } from './lookup';

export function refreshHeartbeats(draft: World, nodeName: string, now: Millis): void {
  const node = own(draft.nodes, nodeName);
  if (!node) return;
  const agent = node.arc;
  const can = agentCanHeartbeat(node);
  if (can && agent.heartbeatAnchor === undefined) {
    // Offline past 45 days the agent's certificate has expired: only disconnect + reconnect brings it back.
    if (agent.lastHeartbeatAt !== undefined && now - agent.lastHeartbeatAt > ARC_EXPIRED_AFTER) return;
    agent.heartbeatAnchor = now;
  } else if (!can && agent.heartbeatAnchor !== undefined) {
    const last = lastHeartbeat(agent, now);
    if (last !== undefined) agent.lastHeartbeatAt = last;
    agent.heartbeatAnchor = undefined;
  }
}

export function refreshAllHeartbeats(draft: World, now: Millis): void {
  for (const name of Object.keys(draft.nodes)) refreshHeartbeats(draft, name, now);
}
