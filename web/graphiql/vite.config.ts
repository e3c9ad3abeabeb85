import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The GraphQL explorer, served at /graphiql/ from the same server, built from npm packages only (works offline).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/graphiql/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
})
