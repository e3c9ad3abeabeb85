import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { precompressPlugin } from '../server/src/http/precompress.ts'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // Brotli and gzip files beside the built assets, sent by Accept-Encoding (server/src/static.ts).
  plugins: [precompressPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // MapLibre is a large library; its own chunk keeps our code's size visible (npm run bench:web).
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ }] },
      },
    },
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000', '/config.json': 'http://127.0.0.1:4000' } },
})
