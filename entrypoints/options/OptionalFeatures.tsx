import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '@/lib/i18n/t';
import { featureOn, turnFeatureOff, turnFeatureOn, type OptionalFeature } from '@/lib/permissions/optional-sites';

const FEATURES: { id: OptionalFeature; label: MessageKey; detail: MessageKey }[] = [
  { id: 'searches', label: 'feature_searches', detail: 'feature_searches_detail' },
  { id: 'reviews', label: 'feature_reviews', detail: 'feature_reviews_detail' },
];

/**
 * Searches and review sites: off until the clinician turns them on here, which is when the
 * browser asks for those sites (and turning off gives the permission back).
 */
export function OptionalFeatures() {
  const [on, setOn] = useState<Partial<Record<OptionalFeature, boolean>>>({});
  const [note, setNote] = useState('');

  const refresh = async () => {
    const entries = await Promise.all(FEATURES.map(async (f) => [f.id, await featureOn(f.id)] as const));
    setOn(Object.fromEntries(entries));
  };
  useEffect(() => {
    void refresh();
    // Granted or taken back elsewhere (the browser's own extension settings) shows here too.
    const changed = () => void refresh();
    browser.permissions.onAdded.addListener(changed);
    browser.permissions.onRemoved.addListener(changed);
    return () => {
      browser.permissions.onAdded.removeListener(changed);
      browser.permissions.onRemoved.removeListener(changed);
    };
  }, []);

  const toggle = async (feature: OptionalFeature, want: boolean) => {
    setNote('');
    try {
      if (want) {
        // Straight from the click: the browser asks only within the clinician's own gesture.
        if (!(await turnFeatureOn(feature))) setNote(t('feature_declined'));
      } else {
        await turnFeatureOff(feature);
      }
    } catch (failure) {
      setNote(failure instanceof Error ? failure.message : String(failure));
    }
    await refresh();
  };

  return (
    <div class="features">
      {FEATURES.map((feature) => (
        <div key={feature.id} class="feature">
          <label>
            <input
              type="checkbox"
              data-testid={`feature-${feature.id}`}
              checked={on[feature.id] ?? false}
              disabled={on[feature.id] === undefined}
              onChange={(e) => void toggle(feature.id, (e.target as HTMLInputElement).checked)}
            />{' '}
            {t(feature.label)}
          </label>
          <p class="muted">{t(feature.detail)}</p>
        </div>
      ))}
      {note && (
        <p class="warn" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
