// The offline GraphQL explorer: GraphiQL from npm, pointed at this server's /graphql, with example tabs.
import { createGraphiQLFetcher } from '@graphiql/toolkit'
import { GraphiQL } from 'graphiql'
import 'graphiql/graphiql.css'
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { EXAMPLES } from './examples.ts'

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() })

createRoot(document.getElementById('explorer')!).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: EXAMPLES,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  }),
)
