import {
  FluentProvider,
  makeStyles,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title3,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { ADDIN_VERSION } from '../excel/selfTest/version';
import type { MemoryWorkbook } from '../sheet/memory/memoryWorkbook';
import type { WorkbookPort } from '../sheet/port';
import type { FileStorePort } from '../sheet/storedFiles/contract';
import type { RejectedFile } from '../sheet/storedFiles/load';
import { type Locale, type MessageKey, translator } from './i18n';
import { useSelection, useSheet } from './useSheet';
import { Banner } from './views/Banner';
import { CheckView } from './views/CheckView';
import { CreateView } from './views/CreateView';
import { ExplainView } from './views/ExplainView';
import { ImportView } from './views/ImportView';
import { InputsView } from './views/InputsView';
import { LoadBoundary } from './views/LoadBoundary';
import { ProblemList } from './views/ProblemList';
import { useRosterChoices } from './views/roster/rosterChoices';

// 汇总 and everything it needs come in a chunk of their own the first time the tab is opened
const RosterView = lazy(() => import(/* webpackChunkName: "roster" */ './views/roster/RosterView'));
// 自检 (更多 menu) and the roster planning it writes come in a chunk of their own too
const SelfTestView = lazy(() => import(/* webpackChunkName: "selftest" */ './views/SelfTestView'));

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  tabs: { flexWrap: 'wrap' },
  panel: { minWidth: 0, outlineStyle: 'none' },
  title: { margin: 0 },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

type View = 'create' | 'check' | 'explain' | 'inputs' | 'import' | 'roster' | 'selfTest';
const TAB_LABELS: Record<View, MessageKey> = {
  create: 'tabCreate',
  check: 'tabCheck',
  explain: 'tabExplain',
  inputs: 'tabInputs',
  import: 'tabImport',
  roster: 'tabRoster',
  selfTest: 'selfTest',
};

/**
 * The task pane: 新建考核表, 填报, 检查 and 说明 over one workbook port — Excel when the pane runs in Excel, the
 * in-memory workbook otherwise (`demo`). 填报 reads and writes the sheet's own input cells. 导入 takes
 * a region's own files into the workbook (`files`); those stored files that failed their checks when the
 * pane started (`rejected`) are listed with their problems. 汇总 scores a roster of institutions together.
 */
export function App({
  port,
  files,
  rejected = [],
  locale,
  demo,
}: {
  port: WorkbookPort;
  files: FileStorePort;
  rejected?: RejectedFile[];
  locale: Locale;
  demo?: MemoryWorkbook;
}) {
  const styles = useStyles();
  const t = useMemo(() => translator(locale), [locale]);
  const { state, refresh } = useSheet(port);
  // bumped after an import: the lists of tables and policies are read again
  const [catalog, setCatalog] = useState(0);
  const selection = useSelection(port);
  const roster = useRosterChoices(port, catalog, t);
  const [view, setView] = useState<View>('create');
  const [created, setCreated] = useState<string | null>(null);
  const [demoShown, setDemoShown] = useState(true);
  const [aboutShown, setAboutShown] = useState(false);
  // after 生成 the focus moves to the new sheet's view, so a keyboard or screen-reader user lands on it
  const panel = useRef<HTMLDivElement>(null);
  const [focusPanel, setFocusPanel] = useState(false);
  useEffect(() => {
    if (!focusPanel) return;
    panel.current?.focus();
    setFocusPanel(false);
  }, [focusPanel, view]);
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
        <div className={styles.header}>
          <Title3 as="h1" className={styles.title}>
            {t('appTitle')}
          </Title3>
          {/* what an agency's IT looks for, out of the clerk's way: 自检 and 关于 */}
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <MenuButton appearance="subtle" size="small" aria-label={t('moreLabel')} data-testid="more">
                {t('more')}
              </MenuButton>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem onClick={() => setView('selfTest')}>{t('selfTest')}</MenuItem>
                <MenuItem onClick={() => setAboutShown(true)}>{t('about')}</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        </div>
        {aboutShown && (
          <Banner intent="info" testId="about" body={t('aboutText', { version: ADDIN_VERSION })} t={t} onDismiss={() => setAboutShown(false)} />
        )}
        {!port.connected && demoShown && (
          <Banner
            intent="warning"
            testId="demo-notice"
            title={t('demoTitle')}
            body={t('demoShort')}
            details={t('demoBody')}
            t={t}
            onDismiss={() => setDemoShown(false)}
          />
        )}
        {rejected.length > 0 && (
          <MessageBar intent="error" data-testid="stored-rejected" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('storedRejected', { count: rejected.length })}</MessageBarTitle>
              {rejected.map((file) => (
                <div key={`${file.kind}:${file.id ?? ''}`}>
                  {t('storedRejectedFile', { kind: t(file.kind === 'policy' ? 'storedKind_policy' : 'storedKind_rubric'), id: file.id ?? '' })}
                  <ProblemList
                    problems={file.problems}
                    text={(p) => (locale === 'en-US' ? p.messageEn : p.message)}
                    t={t}
                    testId="stored-rejected-problems"
                  />
                </div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
        {created && <Banner intent="success" testId="created" body={t('created', { name: created })} t={t} onDismiss={() => setCreated(null)} />}
        <TabList
          className={styles.tabs}
          selectedValue={view}
          onTabSelect={(_, data) => setView(data.value as View)}
          aria-label={t('tabsLabel')}
          size="small"
        >
          <Tab value="create">{t(TAB_LABELS.create)}</Tab>
          <Tab value="check">{t(TAB_LABELS.check)}</Tab>
          <Tab value="explain">{t(TAB_LABELS.explain)}</Tab>
          <Tab value="inputs">{t(TAB_LABELS.inputs)}</Tab>
          <Tab value="import">{t(TAB_LABELS.import)}</Tab>
          <Tab value="roster">{t(TAB_LABELS.roster)}</Tab>
        </TabList>
        <div role="tabpanel" aria-label={t(TAB_LABELS[view])} tabIndex={-1} ref={panel} className={styles.panel} data-testid="panel">
          {view === 'create' && (
            <CreateView
              port={port}
              t={t}
              locale={locale}
              catalog={catalog}
              onCreated={(name) => {
                setCreated(name);
                setView('inputs');
                setFocusPanel(true);
              }}
            />
          )}
          {view === 'check' && <CheckView port={port} state={state} t={t} locale={locale} />}
          {view === 'explain' && <ExplainView port={port} state={state} selection={selection} t={t} />}
          {view === 'inputs' && <InputsView port={port} state={state} t={t} locale={locale} onWritten={refresh} />}
          {view === 'import' && (
            <ImportView
              files={files}
              t={t}
              locale={locale}
              onImported={() => {
                setCatalog((n) => n + 1);
                refresh();
              }}
            />
          )}
          {view === 'selfTest' && (
            <LoadBoundary message={(error) => t('error', { message: error.message })}>
              <Suspense fallback={<Spinner size="tiny" label={t('reading')} />}>
                <SelfTestView port={port} files={files} locale={locale} t={t} onBack={() => setView('create')} {...(demo && { demo })} />
              </Suspense>
            </LoadBoundary>
          )}
          {view === 'roster' && (
            <LoadBoundary message={(error) => t('error', { message: error.message })}>
              <Suspense fallback={<Spinner size="tiny" label={t('reading')} />}>
                <RosterView port={port} t={t} locale={locale} choices={roster} selection={selection} {...(demo && { demo })} />
              </Suspense>
            </LoadBoundary>
          )}
        </div>
      </main>
    </FluentProvider>
  );
}
