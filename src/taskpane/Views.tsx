// The pane's views over the session's workbook (the chunk "views", with the rubric core): the tab
// panel's content for the tab App has selected.
import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, use, useEffect, useState } from 'react';
import type { Locale, Translate } from './i18n';
import type { Session } from './session';
import { useSelection, useSheet } from './useSheet';
import { CheckView } from './views/CheckView';
import { CreateView } from './views/CreateView';
import { ExplainView } from './views/ExplainView';
import { ImportView } from './views/ImportView';
import { InputsView } from './views/InputsView';
import { LoadBoundary } from './views/LoadBoundary';
import { useRosterChoices } from './views/roster/rosterChoices';

// 汇总 and everything it needs come in a chunk of their own the first time the tab is opened
const RosterView = lazy(() => import(/* webpackChunkName: "roster" */ './views/roster/RosterView'));
// 自检 (更多 menu) and the roster planning it writes come in a chunk of their own too
const SelfTestView = lazy(() => import(/* webpackChunkName: "selftest" */ './views/SelfTestView'));

export type View = 'create' | 'check' | 'explain' | 'inputs' | 'import' | 'roster' | 'selfTest';

export default function Views({
  session,
  view,
  setView,
  t,
  locale,
  onCreated,
}: {
  session: Promise<Session>;
  view: View;
  setView: (update: (current: View) => View) => void;
  t: Translate;
  locale: Locale;
  onCreated: (name: string) => void;
}) {
  const { port, files, demo } = use(session);
  const { state, refresh } = useSheet(port);
  // bumped after an import: the lists of tables and policies are read again
  const [catalog, setCatalog] = useState(0);
  const selection = useSelection(port);
  const roster = useRosterChoices(port, catalog, t);
  // a sheet that is already there opens on 检查
  useEffect(() => {
    if (state.status === 'ready') setView((v) => (v === 'create' ? 'check' : v));
  }, [state.status === 'ready']); // eslint-disable-line react-hooks/exhaustive-deps
  const failed = (error: Error) => t('error', { message: error.message });

  return (
    <>
      {view === 'create' && <CreateView port={port} t={t} locale={locale} catalog={catalog} onCreated={onCreated} />}
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
        <LoadBoundary message={failed}>
          <Suspense fallback={<Spinner size="tiny" label={t('reading')} />}>
            <SelfTestView port={port} files={files} locale={locale} t={t} onBack={() => setView(() => 'create')} {...(demo && { demo })} />
          </Suspense>
        </LoadBoundary>
      )}
      {view === 'roster' && (
        <LoadBoundary message={failed}>
          <Suspense fallback={<Spinner size="tiny" label={t('reading')} />}>
            <RosterView port={port} t={t} locale={locale} choices={roster} selection={selection} {...(demo && { demo })} />
          </Suspense>
        </LoadBoundary>
      )}
    </>
  );
}
