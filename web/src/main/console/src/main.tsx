import '@patternfly/react-core/dist/styles/base.css';
import '@patternfly/react-styles/css/components/Table/table.css';
import './console.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { startI18n } from './i18n';

startI18n();
// The router works under wherever the server deployed the console (see <base href>).
const basename = new URL(document.baseURI).pathname.replace(/\/$/, '') || '/';
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter basename={basename}>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
