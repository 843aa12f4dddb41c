import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider } from './auth.tsx';
import { Layout } from './components/Layout.tsx';
import { I18nProvider } from './i18n.tsx';
import { AppRoutes } from './routes.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/lists.css';
import './styles/forms.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <AuthProvider>
        <Layout>
          <AppRoutes />
        </Layout>
      </AuthProvider>
    </I18nProvider>
  </StrictMode>,
);
