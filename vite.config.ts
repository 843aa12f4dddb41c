import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/client',
  plugins: [react()],
  build: {
    outDir: '../../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Every browser that runs ES2022 modules supports <link rel=modulepreload>.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': api,
      '/geo': api,
      '/healthz': api,
    },
  },
});
