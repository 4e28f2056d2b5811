import { Field, ProgressBar } from '@fluentui/react-components';
import type { Translate } from '../../i18n';
import type { Progress } from '../../work/jobs';

/** A long job's progress (计算, 收集报送表) as a bar with its counts; a stage without counts is indeterminate. */
export function JobProgress({ progress, t, testId }: { progress: Progress; t: Translate; testId: string }) {
  const { stage, done, total } = progress;
  const counted = total > 0 && (stage === 'score' || stage === 'files');
  const text = {
    read: () => t('progressRead'),
    files: () => t('collectProgress', { done, total }),
    score: () => t('progressScore', { done, total }),
    plan: () => t('progressPlan'),
    write: () => t('progressWrite'),
  }[stage]();
  return (
    <Field validationMessage={text} validationState="none" data-testid={testId}>
      <ProgressBar {...(counted && { value: done / total })} thickness="large" />
    </Field>
  );
}
