import { Button, Field, Input } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUploadRegular, CopyRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { LabStateDto } from '@/api/lab-contract';
import { api, errorMessage } from '@/lib/api-client';
import { downloadBlob } from '@/lib/download-file';
import { formatDateTime } from '@/lib/format';
import { useImportWorld } from '../api/lab-mutations';
import { Feedback, useFeedback } from './lab-feedback';
import { useLabStyles } from './lab.styles';
import { shareLink } from './share-link';

/** Save, restore and share: export and import the world, and the link that reproduces preset and clock. */
export function WorldFileSection({ state }: { state: LabStateDto }) {
  const styles = useLabStyles();
  const importWorld = useImportWorld();
  const fileInput = useRef<HTMLInputElement>(null);
  const fb = useFeedback();
  const [exporting, setExporting] = useState(false);
  const link = shareLink(state, window.location.origin, `${import.meta.env.BASE_URL}lab`);
  const exportWorld = async () => {
    fb.clear();
    setExporting(true);
    try {
      const { blob, fileName } = await api.getFile('/api/sim/export');
      const name = fileName ?? 'hci-world.json';
      downloadBlob(name, blob);
      fb.ok(`Exported the world as ${name}.`);
    } catch (error) {
      fb.fail(error);
    } finally {
      setExporting(false);
    }
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    fb.clear();
    const text = await file.text();
    importWorld.mutate(text, {
      onSuccess: (s) =>
        fb.ok(`Imported ${file.name}: preset ${s.scenario}, simulated time ${formatDateTime(s.now)}.`),
      onError: (error) =>
        fb.fail(
          new Error(
            `${file.name} was not imported and the current world is unchanged. ${errorMessage(error)}`,
          ),
        ),
    });
    if (fileInput.current) fileInput.current.value = '';
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link);
      fb.ok('The link is copied.');
    } catch (error) {
      fb.fail(error);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="lab-file">
      <h3 id="lab-file" className={styles.h3}>
        Save, restore and share
      </h3>
      <div className={styles.row}>
        <Button icon={<ArrowDownloadRegular />} disabled={exporting} onClick={() => void exportWorld()}>
          Export world
        </Button>
        <Button
          icon={<ArrowUploadRegular />}
          disabled={importWorld.isPending}
          onClick={() => fileInput.current?.click()}
        >
          Import world
        </Button>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept="application/json,.json"
          aria-label="World file to import"
          data-testid="lab-import-file"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      <Field label="Shareable link" hint="Opens the same preset with the clock the same distance ahead.">
        <Input
          readOnly
          value={link}
          contentAfter={
            <Button
              appearance="transparent"
              size="small"
              icon={<CopyRegular />}
              aria-label="Copy the link"
              onClick={() => void copyLink()}
            />
          }
        />
      </Field>
      <Feedback feedback={fb.feedback} onDismiss={fb.clear} />
    </section>
  );
}
