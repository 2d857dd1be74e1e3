declare module 'virtual:compiled-messages' {
  import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
  const messages: Record<string, MessageFormatElement[]> | null;
  export default messages;
}
