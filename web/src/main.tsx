import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

const KEY_STORAGE = 'license-update-kit:apiKey';

/** Demo mode needs no key typed: the service says which demo key to use. */
async function apiKey(): Promise<string | null> {
  const stored = localStorage.getItem(KEY_STORAGE);
  if (stored) return stored;
  try {
    const response = await fetch('/demo-config.json');
    if (response.ok) return ((await response.json()) as { apiKey: string | null }).apiKey;
  } catch {
    // No demo configuration: the operator types a key.
  }
  return null;
}

void apiKey().then((key) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initialApiKey={key} onApiKey={(value) => localStorage.setItem(KEY_STORAGE, value)} />
    </StrictMode>,
  );
});
