import { t } from '@/lib/i18n/t';

interface Props {
  question: string;
  /** The test id of the button that deletes. */
  testId: string;
  onDelete: () => Promise<void>;
  onKeep: () => void;
}

/** The second step of a delete, in place of the row's buttons: delete for real, or keep. */
export function DeleteConfirm({ question, testId, onDelete, onKeep }: Props) {
  return (
    <span class="row">
      <span>{question}</span>
      <button data-testid={testId} onClick={() => void onDelete()}>
        {t('common_delete')}
      </button>
      <button onClick={onKeep}>{t('common_keep')}</button>
    </span>
  );
}
