/**
 * Which live selection tool is in use, for the map's own click and Enter
 * handlers: while a tool is in use a click on the map chooses a centre (or
 * the lasso takes the pointer), so it must not also select the area under it.
 * Tiny on purpose: it is part of the first load; the tools are not.
 */
/** 'place': the next click chooses the place services are listed near (src/ui/residents/). */
export type SelectionToolId = 'lasso' | 'radius' | 'place';

let active: SelectionToolId | null = null;

export function setActiveSelectionTool(tool: SelectionToolId | null): void {
  active = tool;
}

/** The tool in use, or null. */
export function activeSelectionTool(): SelectionToolId | null {
  return active;
}
