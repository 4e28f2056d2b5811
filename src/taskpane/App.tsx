import { FluentProvider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Tab, TabList, Title3, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { MemoryWorkbook } from '../sheet/memory/memoryWorkbook';
import type { WorkbookPort } from '../sheet/port';
import { type Locale, type MessageKey, translator } from './i18n';
import { useSelection, useSheet } from './useSheet';
import { CheckView } from './views/CheckView';
import { CreateView } from './views/CreateView';
import { ExplainView } from './views/ExplainView';
import { InputsView } from './views/InputsView';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: '100%', boxSizing: 'border-box' },
  tabs: { flexWrap: 'wrap' },
});

type View = 'create' | 'check' | 'explain' | 'inputs';
const TAB_LABELS: Record<View, MessageKey> = { create: 'tabCreate', check: 'tabCheck', explain: 'tabExplain', inputs: 'tabInputs' };

/**
 * The task pane: 新建考核表, 检查 and 说明 over one workbook port — Excel when the pane runs in Excel, the
 * in-memory workbook otherwise (`demo`), where a 填报 view stands in for typing into the sheet.
 */
export function App({ port, locale, demo }: { port: WorkbookPort; locale: Locale; demo?: MemoryWorkbook }) {
  const styles = useStyles();
  const t = useMemo(() => translator(locale), [locale]);
  const { state } = useSheet(port);
  const selection = useSelection(port);
  const [view, setView] = useState<View>('create');
  const [created, setCreated] = useState<string | null>(null);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('appTitle');
  }, [locale, t]);
  // a sheet that is already there opens on 检查
  useEffect(() => {
    if (state.status === 'ready') setView((v) => (v === 'create' ? 'check' : v));
  }, [state.status === 'ready']); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Title3 as="h1">{t('appTitle')}</Title3>
        {!port.connected && (
          <MessageBar intent="warning" data-testid="demo-notice">
            <MessageBarBody>
              <MessageBarTitle>{t('demoTitle')}</MessageBarTitle>
              {t('demoBody')}
            </MessageBarBody>
          </MessageBar>
        )}
        {created && (
          <MessageBar intent="success" data-testid="created">
            <MessageBarBody>{t('created', { name: created })}</MessageBarBody>
          </MessageBar>
        )}
        <TabList className={styles.tabs} selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)} aria-label={t('tabsLabel')} size="small">
          <Tab value="create">{t(TAB_LABELS.create)}</Tab>
          <Tab value="check">{t(TAB_LABELS.check)}</Tab>
          <Tab value="explain">{t(TAB_LABELS.explain)}</Tab>
          {demo && <Tab value="inputs">{t(TAB_LABELS.inputs)}</Tab>}
        </TabList>
        <div role="tabpanel" aria-label={t(TAB_LABELS[view])}>
          {view === 'create' && <CreateView port={port} t={t} locale={locale} onCreated={(name) => {
                setCreated(name);
                setView(demo ? 'inputs' : 'check');
              }} />}
          {view === 'check' && <CheckView port={port} state={state} t={t} locale={locale} />}
          {view === 'explain' && <ExplainView state={state} selection={selection} t={t} />}
          {view === 'inputs' && demo && <InputsView book={demo} state={state} t={t} locale={locale} />}
        </div>
      </main>
    </FluentProvider>
  );
}
