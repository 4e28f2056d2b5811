import { Body1, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { fmt, inputIndex, parseOwnership, provenanceText, readingLine, readingsOf } from '../../core';
import { itemCellsAt } from '../../sheet/plan';
import type { WorkbookPort } from '../../sheet/port';
import { ItemPicker } from './ItemPicker';
import type { Translate } from '../i18n';
import type { SheetState } from '../useSheet';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, overflowWrap: 'anywhere' },
  text: { whiteSpace: 'pre-wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** 说明: the selected item's official text, its facts, the core's trace and the document it comes from.
 * Any item can be picked by 序号, code or name: the pick selects its 得分 cell, as a click in the sheet would. */
export function ExplainView({
  port,
  state,
  selection,
  t,
}: {
  port: WorkbookPort;
  state: SheetState;
  selection: { sheetName: string; address: string } | null;
  t: Translate;
}) {
  if (state.status !== 'ready') return <Body1>{t('explainEmpty')}</Body1>;
  const cells = selection && selection.sheetName === state.sheetName ? itemCellsAt(state.audit.plan, selection.address) : undefined;
  const pick = (no: string) => {
    const target = state.audit.plan.items.find((i) => i.itemNo === no);
    if (target) void port.select(state.sheetName, target.score);
  };
  return (
    <>
      <ItemPicker items={state.audit.rubric.items} selected={cells?.itemNo} onPick={pick} t={t} />
      {selection && cells ? <ItemExplanation state={state} selection={selection} t={t} /> : <Body1>{t('explainEmpty')}</Body1>}
    </>
  );
}

function ItemExplanation({
  state,
  selection,
  t,
}: {
  state: Extract<SheetState, { status: 'ready' }>;
  selection: { sheetName: string; address: string };
  t: Translate;
}) {
  const styles = useStyles();
  const { audit, snapshot } = state;
  const cells = itemCellsAt(audit.plan, selection.address);
  const item = cells && audit.rubric.items.find((i) => i.no === cells.itemNo);
  const result = cells && audit.result.items.find((i) => i.id === cells.itemNo);
  if (!cells || !item || !result) return <Body1>{t('explainEmpty')}</Body1>;
  const { byId } = inputIndex(audit.rubric);
  const facts = snapshot.inputs.filter((i) => byId.get(i.id)?.item.no === item.no);
  const p = audit.rubric.provenance;
  // 口径说明: this item's clause readings, then the table's and the policy's (core/readings.ts)
  const ownership = parseOwnership(snapshot.ownership) ?? undefined;
  const readings = readingsOf(audit.rubric, { ...(audit.policy && { policy: audit.policy }), ...(ownership && { ownership }) });
  const itemReadings = readings.filter((r) => r.source === 'clause' && r.itemNo === item.no);
  const tableReadings = readings.filter((r) => r.source !== 'clause');
  return (
    <section className={styles.view} aria-label={`${item.no} ${item.indicator}`} data-testid="explain">
      <Subtitle2>{`${item.no}${item.code ? ` ${item.code}` : ''} ${item.indicator}`}</Subtitle2>
      <Caption1 className={styles.muted} data-testid="selected-cell">
        {t('selectedCell', { address: `${selection.sheetName}!${selection.address}` })}
      </Caption1>
      <Body1 data-testid="item-score">{t('score', { score: fmt(result.score), max: fmt(result.max) })}</Body1>
      <Caption1>{t('definition')}</Caption1>
      <Body1 className={styles.text}>{item.definition}</Body1>
      <Caption1>{t('method')}</Caption1>
      <Body1 className={styles.text}>{item.method}</Body1>
      <Caption1>{t('inputs')}</Caption1>
      <ul className={styles.list}>
        {facts.map((fact) => (
          <li key={fact.id}>
            <Body1>{`${fact.id} ${byId.get(fact.id)?.spec.label ?? ''}：${fact.value === null || fact.value === '' ? t('blank') : String(fact.value)}`}</Body1>
          </li>
        ))}
      </ul>
      <Caption1>{t('trace')}</Caption1>
      <ul className={styles.list} data-testid="trace">
        {result.trace.map((line, i) => (
          <li key={i}>
            <Body1>{line}</Body1>
          </li>
        ))}
      </ul>
      {itemReadings.length > 0 && (
        <>
          <Caption1>{t('itemReadings')}</Caption1>
          <ul className={styles.list} data-testid="item-readings">
            {itemReadings.map((r, i) => (
              <li key={i}>
                <Body1>{`${r.id}：${r.text}`}</Body1>
              </li>
            ))}
          </ul>
        </>
      )}
      <Caption1>{t('tableReadings')}</Caption1>
      <ul className={styles.list} data-testid="table-readings">
        {tableReadings.map((r, i) => (
          <li key={i}>
            <Caption1>{readingLine(r)}</Caption1>
          </li>
        ))}
      </ul>
      <Caption1 className={styles.muted}>{`${t('provenance')}：${provenanceText(p)}`}</Caption1>
    </section>
  );
}
