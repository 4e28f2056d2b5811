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
import { lazy, Suspense, use, useEffect, useMemo, useRef, useState } from 'react';
import { ADDIN_VERSION } from '../excel/selfTest/version';
import { type Locale, type MessageKey, type Translate, translator } from './i18n';
import type { Session } from './session';
import { Banner } from './views/Banner';
import { LoadBoundary } from './views/LoadBoundary';
import { ProblemList } from './views/ProblemList';
import type { View } from './Views';

// the views, the rubric core and the workbook port come in the chunk "views", fetched at once (index.tsx)
const Views = lazy(() => import(/* webpackChunkName: "views" */ './Views'));

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
 * in-memory workbook otherwise (`demo`). 填报 reads and writes the sheet's own input cells. 导入 takes a
 * region's own files into the workbook; those stored files that failed their checks when the pane started
 * are listed with their problems. 汇总 scores a roster of institutions together. The frame and the tab list
 * render at once; the views render when `session` (the port and the stored files, made in the chunk
 * "views") has come.
 */
export function App({ session, locale, demo = false }: { session: Promise<Session>; locale: Locale; demo?: boolean }) {
  const styles = useStyles();
  const t = useMemo(() => translator(locale), [locale]);
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
  const failed = (error: Error) => t('error', { message: error.message });

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
        {demo && demoShown && (
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
        <LoadBoundary message={() => ''}>
          <Suspense fallback={null}>
            <Rejected session={session} locale={locale} t={t} />
          </Suspense>
        </LoadBoundary>
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
          <LoadBoundary message={failed}>
            <Suspense fallback={<Spinner size="tiny" label={t('reading')} />}>
              <Views
                session={session}
                view={view}
                setView={setView}
                t={t}
                locale={locale}
                onCreated={(name) => {
                  setCreated(name);
                  setView('inputs');
                  setFocusPanel(true);
                }}
              />
            </Suspense>
          </LoadBoundary>
        </div>
      </main>
    </FluentProvider>
  );
}

/** The stored files that failed their checks when the pane started, with their problems. */
function Rejected({ session, locale, t }: { session: Promise<Session>; locale: Locale; t: Translate }) {
  const { rejected } = use(session);
  if (rejected.length === 0) return null;
  return (
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
  );
}
