// Scaffolding for issue 14: replaced by the services control.
import type { DataClient } from '../../data/client.ts';
import type { Manifest } from '../../data/schema.ts';
export default function ServicesControl(_props: { client: DataClient; manifest: Manifest }) {
  return null;
}
