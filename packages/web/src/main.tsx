import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './global.css';
import './i18n/setup';
import { App } from './App';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
