import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { precompressPlugin } from '../../server/src/http/precompress.ts'

// The GraphQL explorer, served at /graphiql/ from the same server, built from npm packages only (works offline).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/graphiql/',
  plugins: [precompressPlugin()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
})
