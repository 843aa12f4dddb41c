import type { Organisation } from '../../../client/api.ts';
import { BarChart } from '../../../client/components/charts/BarChart.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { TYPE_COLOURS } from './labels.ts';
import './profile.css';

type ByType = Organisation['members']['byType'];

/** A cluster's members by type: the shared bar chart, each type in its directory colour. */
export function MembersChart({ byType, total }: { byType: ByType; total: number }) {
  const { t } = useI18n();
  if (byType.length === 0) return null;
  return (
    <div className="members-chart">
      <BarChart
        title={t('org.membersByType')}
        rows={byType.map((b) => ({
          key: b.type,
          label: t(`orgType.${b.type}`),
          value: b.count,
          colour: TYPE_COLOURS[b.type],
        }))}
        categoryLabel={t('common.type')}
        valueLabel={t('org.members')}
        total={total}
      />
    </div>
  );
}
