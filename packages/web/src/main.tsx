import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './global.css';
import { languageReady } from './i18n/setup';
import { App } from './App';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
// Rendered once the first language's messages are in, so no page flashes another language.
void languageReady.then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
