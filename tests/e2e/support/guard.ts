import type { CDPSession } from '@playwright/test';

/**
 * The profile guard's question as the browser has it. Its host holds a closed shadow root, out of
 * reach of the page and of Playwright's locators alike, so tests look through the DevTools
 * protocol, which sees every root.
 */

interface DomNode {
  localName?: string;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

/** The tag of every element in the page that holds a closed shadow root. */
export async function closedShadowHosts(cdp: CDPSession): Promise<string[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const hosts: string[] = [];
  const walk = (node: DomNode) => {
    if (node.shadowRoots?.some((shadow) => shadow.shadowRootType === 'closed')) hosts.push(node.localName ?? '');
    node.children?.forEach(walk);
    node.shadowRoots?.forEach(walk);
  };
  walk(root);
  return hosts;
}

/** The guard's dialog as the accessibility tree has it, or null when no question is shown. */
export async function guardDialog(cdp: CDPSession): Promise<{ name: string; description: string; buttons: string[] } | null> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { nodeId: string; role?: { value: string }; name?: { value: string }; description?: { value: string }; childIds?: string[]; ignored?: boolean }[];
  };
  const dialog = nodes.find((n) => n.role?.value === 'dialog' && !n.ignored);
  if (!dialog) return null;
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const buttons: string[] = [];
  const walk = (id: string) => {
    const node = byId.get(id);
    if (!node) return;
    if (node.role?.value === 'button') buttons.push(node.name?.value ?? '');
    node.childIds?.forEach(walk);
  };
  dialog.childIds?.forEach(walk);
  return { name: dialog.name?.value ?? '', description: dialog.description?.value ?? '', buttons };
}
