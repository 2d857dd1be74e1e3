/** The legend of the current layer: the block its kind's provider draws. */
import type { DataClient } from '../data/client.ts';
import type { Manifest } from '../data/schema.ts';
import { providerFor } from '../map/providers/index.ts';
import { useViewSpec } from '../state/useViewSpec.ts';

export function Legend({ client, manifest }: { client: DataClient; manifest: Manifest }) {
  const spec = useViewSpec(manifest);
  const Block = providerFor(spec.layer.kind).Legend;
  return <Block client={client} spec={spec} manifest={manifest} />;
}
