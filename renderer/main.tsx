import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// KaTeX's stylesheet once, before ours: its fonts are bundled by Vite (the CSP allows font-src 'self' data:).
import 'katex/dist/katex.min.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/table.css';
import './styles/panes.css';
import './styles/import.css';
import './styles/metrics.css';
import './styles/math.css';
import './styles/shell.css';
import './styles/organise.css';
import './styles/record.css';
import './styles/notes.css';
import './styles/backups.css';
import './styles/paper-editor.css';
import './styles/references.css';
import './styles/cite.css';
import { queryClient } from './api/query-client';
import { App } from './shell/app';
import { loadTheme } from './stores/theme-store';
import { startLiveLibrary } from './api/live-library';

// The theme is kept in the library; until it answers the window follows the OS.
void loadTheme();
// Follow changes made elsewhere (another window or tab, the command line, a restore).
startLiveLibrary();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {/* The hooks in api/ name the client themselves; the provider serves any plain useQuery. */}
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
