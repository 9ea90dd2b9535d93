import { Spinner } from '@inkjs/ui';
import { Box, Text, useInput } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { sameOrg } from '../../../server/report/index.ts';
import { unwrap } from '../../client.ts';
import { citationLabel } from '../../format.ts';
import { ErrorLine } from '../components/error-line.tsx';
import { Lines } from '../components/lines.tsx';
import { bodyArea, Screen } from '../components/screen.tsx';
import { TextField } from '../components/text-field.tsx';
import { useClient } from '../contexts/client.tsx';
import { useTerminalSize } from '../contexts/size.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useOfficePick } from '../hooks/use-office-pick.ts';
import { clampTop } from '../layout/scroll.ts';
import { type Line, type Segment, wrapSegments } from '../layout/wrap.ts';
import { officeLabel } from '../office-pick.ts';

/** An entry of the list on the left: a stored report or one year of the ledger. */
type Entry = { kind: 'report'; id: string; label: string } | { kind: 'ledger'; year: number; label: string };

const browseKeys = [
  { key: '↑↓', label: '选择' },
  { key: 'PgUp/PgDn', label: '翻页' },
  { key: '/', label: '检索' },
  { key: 'o', label: '单位' },
  { key: 'q', label: '返回' },
];

const searchKeys = [
  { key: 'Enter', label: '检索' },
  { key: 'Esc', label: '取消' },
];

/** The right pane's content for an entry (or search results, of one office when `org` is given), as segments to wrap. */
function useContent(entry: Entry | undefined, query: string | null, org: string | undefined) {
  const client = useClient();
  return useAsync(async (): Promise<Segment[]> => {
    if (query) {
      const json = { query, k: 8, ...(org ? { org } : {}) };
      const { hits } = await unwrap(await client.api.search.$post({ json }));
      if (hits.length === 0) return [{ text: `没有找到与“${query}”相关的段落。` }];
      return hits.flatMap((hit, i) => [
        { text: `[${i + 1}] ${citationLabel(hit.citation)}\n`, style: { color: 'cyan' } },
        { text: `${hit.text}\n\n` },
      ]);
    }
    if (!entry) return [];
    if (entry.kind === 'report') {
      const body = await unwrap(
        await client.api.reports[':id'].$get({ param: { id: entry.id }, query: { format: 'text' } }),
      );
      return [{ text: 'content' in body ? body.content : '' }];
    }
    const year = String(entry.year);
    const { records } = await unwrap(
      await client.api.ledger.$get({ query: { year, ...(org ? { org } : {}) } }),
    );
    return records.flatMap((r) => [
      { text: `${r.metric} `, style: { bold: true } },
      { text: `${r.value.toLocaleString('zh-CN')} ${r.unit}` },
      { text: r.note ? ` ${r.note}` : '', style: { dimColor: true } },
      { text: '\n' },
    ]);
  }, [entry?.label, query, org]);
}

/** The list on the left: stored reports and ledger years, of one office when `org` is given. */
function useEntries(org: string | undefined) {
  const client = useClient();
  return useAsync(async () => {
    const [reports, ledger] = await Promise.all([
      unwrap(await client.api.reports.$get()),
      unwrap(await client.api.ledger.$get({ query: org ? { org } : {} })),
    ]);
    const years = new Map<number, number>();
    for (const r of ledger.records) years.set(r.year, (years.get(r.year) ?? 0) + 1);
    const entries: Entry[] = [
      ...reports.reports
        .filter((r) => !org || (r.org !== null && sameOrg(r.org, org)))
        .map((r) => ({ kind: 'report' as const, id: r.id, label: r.title })),
      ...[...years.entries()]
        .sort(([a], [b]) => a - b)
        .map(([year, n]) => ({ kind: 'ledger' as const, year, label: `台账 ${year}年(${n} 项)` })),
    ];
    return entries;
  }, [org]);
}

/**
 * The corpus view: past reports and the ledger by year on the left, the selected one on the right,
 * `/` to search, `o` to step through the store's offices (lists, ledger rows and search of that office).
 */
export function CorpusScreen({ onBack }: { onBack: () => void }) {
  const [offices, pickOffice] = useOfficePick();
  const org = offices.chosen?.name;
  const lists = useEntries(org);
  const entries = lists.data ?? [];
  const [selected, setSelected] = useState(0);
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [top, setTop] = useState(0);
  const content = useContent(entries[selected], query, org);
  const keys = searching ? searchKeys : browseKeys;
  const area = bodyArea(useTerminalSize(), keys, false);
  const listWidth = Math.min(34, Math.floor(area.width / 3));
  const paneWidth = area.width - listWidth - 3;
  const lines: Line[] = useMemo(() => wrapSegments(content.data ?? [], paneWidth), [content.data, paneWidth]);
  const paneRows = area.height - (searching || query ? 1 : 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new entry or query starts at its top
  useEffect(() => setTop(0), [selected, query]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another office's list starts at its first entry
  useEffect(() => setSelected(0), [org]);
  const scroll = (by: number) => setTop((t) => clampTop(t + by, lines.length, paneRows));
  useInput(
    (input, key) => {
      if (key.upArrow || input === 'k') {
        setQuery(null);
        setSelected((i) => Math.max(0, i - 1));
      } else if (key.downArrow || input === 'j') {
        setQuery(null);
        setSelected((i) => Math.min(entries.length - 1, i + 1));
      } else if (key.pageDown || input === ' ') scroll(paneRows - 1);
      else if (key.pageUp) scroll(-(paneRows - 1));
      else if (input === '/') setSearching(true);
      else if (input === 'o') pickOffice({ type: 'next' });
      else if (input === 'q' || key.escape) onBack();
    },
    { isActive: !searching },
  );
  return (
    <Screen title="语料" aside={officeLabel(offices)} keys={keys}>
      {({ width, height }) => {
        return (
          <Box width={width} height={height}>
            <Box
              flexDirection="column"
              width={listWidth + 1}
              borderStyle="single"
              borderTop={false}
              borderBottom={false}
              borderLeft={false}
            >
              {lists.loading && <Spinner label="读取中…" />}
              {lists.error !== undefined && <ErrorLine error={lists.error} />}
              {entries.map((entry, i) => (
                <Text key={entry.label} wrap="truncate-end" inverse={i === selected && !query}>
                  {entry.label}
                </Text>
              ))}
            </Box>
            <Box flexDirection="column" paddingLeft={1} width={paneWidth + 2}>
              {searching && (
                <Box>
                  <Text color="cyan">检索 </Text>
                  <TextField
                    width={paneWidth - 6}
                    maxRows={1}
                    placeholder="如 拆除违法建筑"
                    onSubmit={(value) => {
                      setSearching(false);
                      setQuery(value.trim() || null);
                    }}
                    onCancel={() => setSearching(false)}
                  />
                </Box>
              )}
              {!searching && query && <Text color="cyan">检索“{query}”的结果</Text>}
              {content.error !== undefined && <ErrorLine error={content.error} />}
              <Lines lines={lines.slice(top, top + paneRows)} />
            </Box>
          </Box>
        );
      }}
    </Screen>
  );
}
