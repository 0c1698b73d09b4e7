import { createHash } from 'node:crypto';

/** API keys are stored as their SHA-256: a leaked table reveals no usable key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
