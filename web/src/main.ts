// Placeholder page: lists the township-level units from the public GraphQL API (the only data path).
interface RegionRow {
  code: string
  zh: string
  en: string
  areaKm2: number | null
}

const QUERY = '{ regions { code zh: name(lang: ZH) en: name(lang: EN) areaKm2 } }'

async function main(): Promise<void> {
  const body = document.getElementById('regions') as HTMLTableSectionElement
  try {
    const response = await fetch(`/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json' } })
    const { data, errors } = (await response.json()) as { data?: { regions: RegionRow[] }; errors?: { message: string }[] }
    if (!data) throw new Error(errors?.[0]?.message ?? `HTTP ${response.status}`)
    body.replaceChildren(
      ...data.regions.map((r) => {
        const tr = document.createElement('tr')
        const area = r.areaKm2 === null ? '—' : `≈ ${r.areaKm2.toFixed(1)}`
        for (const [text, cls] of [[r.code, ''], [r.zh, ''], [r.en, ''], [area, 'num']]) {
          const td = document.createElement('td')
          td.textContent = text
          if (cls) td.className = cls
          tr.append(td)
        }
        return tr
      }),
    )
  } catch (error) {
    body.innerHTML = ''
    const tr = body.insertRow()
    const td = tr.insertCell()
    td.colSpan = 4
    td.textContent = `无法加载数据 / Could not load the data: ${(error as Error).message}`
  }
}

void main()
