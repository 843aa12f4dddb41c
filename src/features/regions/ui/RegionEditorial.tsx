import { useApi } from '../../../client/hooks.ts';
import { editorialApi } from './editorial.api.ts';
import { InputPaperPanel } from './InputPaperPanel.tsx';
import { PaperSectionsEditor } from './PaperSectionsEditor.tsx';
import { RegionEditors } from './RegionEditors.tsx';
import { S3Priorities } from './S3Priorities.tsx';
import './editorial.css';

/**
 * What the region page shows of the region's own voice: the Input Paper to generate, its S3 priorities,
 * and, for its editors, the paper's sections to write; for administrators, who the editors are.
 */
export function RegionEditorial({ code }: { code: string }) {
  const priorities = useApi((signal) => editorialApi.priorities(code, signal), [code]);
  const data = priorities.data;
  return (
    <>
      <InputPaperPanel code={code} />
      {data && <S3Priorities code={code} data={data} onChanged={priorities.reload} />}
      {data?.canEdit && <PaperSectionsEditor code={code} />}
      {data?.canManageEditors && <RegionEditors code={code} onChanged={priorities.reload} />}
    </>
  );
}
