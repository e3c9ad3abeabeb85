// The web app's entry: the shell (views/app.ts) draws every page of the registry (views/pages.ts), from the GraphQL API only.
import './styles.css'
import './styles-map.css'
import './styles-lists.css'
import './styles-stewards.css'
import { startApp } from './views/app.ts'

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T

startApp({
  header: byId('header'),
  layout: byId('layout'),
  page: byId('page'),
  mapContainer: byId('map'),
  schematicNote: byId('schematic-note'),
  controls: byId('map-controls'),
  underMap: byId('under-map'),
  panel: byId('panel'),
  settings: byId<HTMLDialogElement>('settings'),
})
