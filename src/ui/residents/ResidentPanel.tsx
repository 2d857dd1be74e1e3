// Scaffolding for issue 14: replaced by the resident panel.
import type { DataClient } from '../../data/client.ts';
import type { Manifest } from '../../data/schema.ts';
export default function ResidentPanel(_props: { client: DataClient; manifest: Manifest }) {
  return null;
}
