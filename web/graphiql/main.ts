// The offline GraphQL explorer: GraphiQL from npm, pointed at this server's /graphql, with example tabs.
import { createGraphiQLFetcher } from '@graphiql/toolkit'
import { GraphiQL } from 'graphiql'
import 'graphiql/graphiql.css'
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { EXAMPLES } from './examples.ts'

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() })

// /graphiql/?query=…[&variables=…] (as the web app's #/data links) opens that query in a tab of its own,
// next to the examples; a query already among the saved tabs is selected instead.
const params = new URLSearchParams(window.location.search)
const query = params.get('query') ?? undefined
const variables = params.get('variables') ?? undefined

createRoot(document.getElementById('explorer')!).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: query ? [{ query, variables }, ...EXAMPLES] : EXAMPLES,
    query,
    variables,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  }),
)
