import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowDownloadRegular, DeleteRegular, PlayRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Banner } from '@/components/banner/banner';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { RouterLink } from '@/components/router-link/router-link';
import { useMarkAppReady } from '@/lib/app-ready';
import { downloadText } from '@/lib/download-file';
import { useSearchParam } from '@/lib/use-search-param';
import { useFocusFirstInvalid } from '@/lib/use-focus-first-invalid';
import { armQueries } from '@/api/queries/arm-queries';
import { azcmagentTagProblems, proxyUrlProblem, tagRuleMessage } from '@/api/rules';
import { useRunOnboarding } from '../api/azure-mutations';
import {
  generateOnboardingScript,
  LOCATION_TAGS,
  SCRIPT_FILE_NAMES,
  type OnboardingOs,
} from '../lib/onboarding-script';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  group: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '90ch' },
  tagRow: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr auto',
    gap: tokens.spacingHorizontalM,
    // top-aligned: a message under one field must not push the other field or the button down beside it
    alignItems: 'start',
  },
  // level with the inputs: a vertical Field's label line, then its 2 px padding and 2 px margin
  removeTag: { marginTop: `calc(${tokens.lineHeightBase300} + 2 * ${tokens.spacingVerticalXXS})` },
  footer: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  script: { fontFamily: tokens.fontFamilyMonospace, minHeight: '280px' },
  summary: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, wordBreak: 'break-all' },
});

type Step = 'basics' | 'tags' | 'script';
const STEPS: { id: Step; title: string }[] = [
  { id: 'basics', title: 'Basics' },
  { id: 'tags', title: 'Tags' },
  { id: 'script', title: 'Download and run script' },
];

interface CustomTag {
  key: number;
  name: string;
  value: string;
}

/** Azure Arc | Machines → Add → Add a single server → Generate script. */
export function GenerateScriptPage() {
  const styles = useStyles();
  const [stepParam, setStep] = useSearchParam('step');
  const step: Step = stepParam === 'tags' || stepParam === 'script' ? stepParam : 'basics';
  const subscriptions = useQuery(armQueries.subscriptions());
  const [subscriptionId, setSubscriptionId] = useState('');
  const subId = subscriptionId !== '' ? subscriptionId : (subscriptions.data?.[0]?.subscriptionId ?? '');
  const subscription = subscriptions.data?.find((s) => s.subscriptionId === subId);
  const groups = useQuery({ ...armQueries.resourceGroups(subId), enabled: subId !== '' });
  const locations = useQuery({ ...armQueries.locations(subId), enabled: subId !== '' });
  const [resourceGroup, setResourceGroup] = useState('');
  const [region, setRegion] = useState('');
  const [os, setOs] = useState<OnboardingOs>('windows');
  const [connectivity, setConnectivity] = useState<'public' | 'proxy'>('public');
  const [proxyUrl, setProxyUrl] = useState('');
  const [locationTags, setLocationTags] = useState<Record<string, string>>({});
  const [customTags, setCustomTags] = useState<CustomTag[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [showErrors, setShowErrors] = useState(false);
  // A refused step change takes the user to the first field marked invalid, once the step shows it.
  const { ref: stepRef, focusFirstInvalid } = useFocusFirstInvalid<HTMLDivElement>();
  const [serverName, setServerName] = useState('');
  const [correlationId] = useState(() => crypto.randomUUID());
  const run = useRunOnboarding();
  useMarkAppReady(!subscriptions.isPending);

  const basicsErrors = {
    resourceGroup: resourceGroup === '' ? 'Select a resource group.' : undefined,
    region: region === '' ? 'Select a region.' : undefined,
    proxyUrl:
      connectivity === 'proxy'
        ? proxyUrl === ''
          ? 'Enter the proxy server URL.'
          : proxyUrlProblem(proxyUrl)
        : undefined,
  };
  // the API's rules for the script's tags (src/api/rules.ts), in its words, next to each field
  const tagErrors = {
    location: Object.fromEntries(
      LOCATION_TAGS.map((t) => [t, azcmagentTagProblems(t, locationTags[t] ?? '').value]),
    ),
    custom: customTags.map((t) => {
      const problems = azcmagentTagProblems(t.name.trim(), t.value);
      const duplicate =
        LOCATION_TAGS.some((l) => l.toLowerCase() === t.name.trim().toLowerCase()) ||
        customTags.filter((o) => o.name.trim().toLowerCase() === t.name.trim().toLowerCase()).length > 1;
      return {
        name:
          problems.name ??
          (duplicate ? tagRuleMessage({ arm: 'DuplicateTagName', name: t.name.trim() }) : undefined),
        value: problems.value,
      };
    }),
  };
  const basicsValid = Object.values(basicsErrors).every((e) => e === undefined);
  const tagsValid =
    Object.values(tagErrors.location).every((e) => e === undefined) &&
    tagErrors.custom.every((e) => !e.name && !e.value);

  const tags = [
    ...LOCATION_TAGS.filter((t) => (locationTags[t] ?? '') !== '').map((t) => ({
      name: t,
      value: locationTags[t] ?? '',
    })),
    ...customTags.map((t) => ({ name: t.name.trim(), value: t.value })),
  ];
  const script =
    basicsValid && tagsValid
      ? generateOnboardingScript(os, {
          subscriptionId: subId,
          resourceGroup,
          tenantId: subscription?.tenantId ?? '',
          location: region,
          cloud: 'AzureCloud',
          proxyUrl: connectivity === 'proxy' ? proxyUrl : '',
          tags,
          correlationId,
        })
      : '';

  const go = (target: Step) => {
    if (target !== 'basics' && !basicsValid) {
      setShowErrors(true);
      setStep('');
      focusFirstInvalid();
      return;
    }
    if (target === 'script' && !tagsValid) {
      setShowErrors(true);
      setStep('tags');
      focusFirstInvalid();
      return;
    }
    setStep(target === 'basics' ? '' : target);
  };
  const err = (e: string | undefined) =>
    showErrors && e ? { validationState: 'error' as const, validationMessage: e } : {};
  const index = STEPS.findIndex((s) => s.id === step);

  return (
    <PageLayout>
      <PageHeader title="Add a server with Azure Arc" />
      <p className={styles.intro}>
        Generate a script to install the Azure Connected Machine agent and connect one server to Azure Arc.
      </p>
      <TabList
        selectedValue={step}
        onTabSelect={(_e, d) => go(d.value as Step)}
        aria-label="Generate script steps"
      >
        {STEPS.map((s) => (
          <Tab key={s.id} value={s.id}>
            {s.title}
          </Tab>
        ))}
      </TabList>

      {step === 'basics' && (
        <div ref={stepRef} className={styles.form} role="group" aria-label="Basics">
          <h2 className={styles.group}>Project details</h2>
          <Field label="Subscription" required>
            <Dropdown
              value={subscription?.displayName ?? ''}
              selectedOptions={[subId]}
              onOptionSelect={(_e, d) => {
                setSubscriptionId(d.optionValue ?? '');
                setResourceGroup('');
                setRegion('');
              }}
            >
              {(subscriptions.data ?? []).map((s) => (
                <Option key={s.subscriptionId} value={s.subscriptionId}>
                  {s.displayName}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Resource group" required {...err(basicsErrors.resourceGroup)}>
            <Dropdown
              placeholder="Select a resource group"
              value={resourceGroup}
              selectedOptions={resourceGroup ? [resourceGroup] : []}
              onOptionSelect={(_e, d) => setResourceGroup(d.optionValue ?? '')}
            >
              {(groups.data ?? []).map((g) => (
                <Option key={g.id} value={g.name}>
                  {g.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <h2 className={styles.group}>Server details</h2>
          <Field label="Region" required {...err(basicsErrors.region)}>
            <Dropdown
              placeholder="Select a region"
              value={locations.data?.find((l) => l.name === region)?.displayName ?? ''}
              selectedOptions={region ? [region] : []}
              onOptionSelect={(_e, d) => setRegion(d.optionValue ?? '')}
            >
              {(locations.data ?? []).map((l) => (
                <Option key={l.name} value={l.name}>
                  {l.displayName}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Operating system" required>
            <RadioGroup value={os} onChange={(_e, d) => setOs(d.value === 'linux' ? 'linux' : 'windows')}>
              <Radio value="windows" label="Windows" />
              <Radio value="linux" label="Linux" />
            </RadioGroup>
          </Field>
          <h2 className={styles.group}>Connectivity method</h2>
          <Field label="Connectivity method">
            <RadioGroup
              value={connectivity}
              onChange={(_e, d) => setConnectivity(d.value === 'proxy' ? 'proxy' : 'public')}
            >
              <Radio value="public" label="Public endpoint" />
              <Radio value="proxy" label="Proxy server" />
            </RadioGroup>
          </Field>
          {connectivity === 'proxy' && (
            <Field
              label="Proxy server URL"
              required
              hint="http://<proxyURL>:<proxyport>. The agent does not support setting proxy authentication."
              {...err(basicsErrors.proxyUrl)}
            >
              <Input value={proxyUrl} onChange={(_e, d) => setProxyUrl(d.value)} />
            </Field>
          )}
        </div>
      )}

      {step === 'tags' && (
        <div ref={stepRef} className={styles.form} role="group" aria-label="Tags">
          <h2 className={styles.group}>Physical location tags</h2>
          {LOCATION_TAGS.map((t) => (
            <Field key={t} label={t} {...err(tagErrors.location[t])}>
              <Textarea
                resize="vertical"
                rows={1}
                value={locationTags[t] ?? ''}
                onChange={(_e, d) => setLocationTags((prev) => ({ ...prev, [t]: d.value }))}
              />
            </Field>
          ))}
          <h2 className={styles.group}>Custom tags</h2>
          {customTags.map((t, i) => (
            <div key={t.key} className={styles.tagRow}>
              <Field label={`Name of custom tag ${i + 1}`} {...err(tagErrors.custom[i]?.name)}>
                <Input
                  value={t.name}
                  onChange={(_e, d) =>
                    setCustomTags((prev) => prev.map((o) => (o.key === t.key ? { ...o, name: d.value } : o)))
                  }
                />
              </Field>
              <Field label={`Value of custom tag ${i + 1}`} {...err(tagErrors.custom[i]?.value)}>
                <Input
                  value={t.value}
                  onChange={(_e, d) =>
                    setCustomTags((prev) => prev.map((o) => (o.key === t.key ? { ...o, value: d.value } : o)))
                  }
                />
              </Field>
              <Button
                appearance="subtle"
                className={styles.removeTag}
                icon={<DeleteRegular />}
                aria-label={`Remove custom tag ${i + 1}`}
                onClick={() => setCustomTags((prev) => prev.filter((o) => o.key !== t.key))}
              />
            </div>
          ))}
          <div>
            <Button
              icon={<AddRegular />}
              onClick={() => {
                setCustomTags((prev) => [...prev, { key: nextKey, name: '', value: '' }]);
                setNextKey((k) => k + 1);
              }}
            >
              Add custom tag
            </Button>
          </div>
        </div>
      )}

      {step === 'script' && (
        <div ref={stepRef} className={styles.form} role="group" aria-label="Download and run script">
          <dl className={styles.summary}>
            <dt className={styles.term}>Subscription</dt>
            <dd className={styles.dd}>{subscription?.displayName ?? subId}</dd>
            <dt className={styles.term}>Resource group</dt>
            <dd className={styles.dd}>{resourceGroup}</dd>
            <dt className={styles.term}>Region</dt>
            <dd className={styles.dd}>{region}</dd>
            <dt className={styles.term}>Operating system</dt>
            <dd className={styles.dd}>{os === 'windows' ? 'Windows' : 'Linux'}</dd>
            <dt className={styles.term}>Connectivity method</dt>
            <dd className={styles.dd}>
              {connectivity === 'proxy' ? `Proxy server (${proxyUrl})` : 'Public endpoint'}
            </dd>
            <dt className={styles.term}>Tags</dt>
            <dd className={styles.dd}>
              {tags.length === 0 ? 'None' : tags.map((t) => `${t.name}: ${t.value}`).join('; ')}
            </dd>
          </dl>
          {os === 'windows' && (
            <p className={styles.intro}>
              Run the script in 64-bit PowerShell as an administrator on the server.
            </p>
          )}
          <Field label={SCRIPT_FILE_NAMES[os]}>
            <Textarea className={styles.script} readOnly value={script} resize="vertical" />
          </Field>
          <div>
            <Button
              appearance="primary"
              icon={<ArrowDownloadRegular />}
              onClick={() => downloadText(SCRIPT_FILE_NAMES[os], script)}
            >
              Download
            </Button>
          </div>
          <h2 className={styles.group}>Run on a simulated server</h2>
          <p className={styles.intro}>
            There is no real server here: this creates one in the simulation, adds it to Windows Admin
            Center&apos;s connections and runs the script&apos;s azcmagent connect with these values.
          </p>
          <Field
            label="Server name"
            required
            {...(run.error?.target === 'serverName'
              ? { validationState: 'error' as const, validationMessage: run.error.message }
              : {})}
          >
            <Input value={serverName} onChange={(_e, d) => setServerName(d.value)} />
          </Field>
          {run.error && run.error.target !== 'serverName' && (
            <Banner intent="error" title="The script failed">
              {run.error.message}
            </Banner>
          )}
          {run.data && (
            <Banner intent="success" title={`${run.data.serverName} is connected to Azure Arc`}>
              Successfully Onboarded Resource to Azure. The machine shows no status until its first heartbeat,
              a few minutes from now.{' '}
              <RouterLink to={run.data.portalPath} inline>
                View {run.data.serverName}
              </RouterLink>
            </Banner>
          )}
          <div>
            <Button
              icon={<PlayRegular />}
              disabled={run.isPending || serverName.trim() === ''}
              onClick={() =>
                run.mutate({
                  serverName: serverName.trim(),
                  subscriptionId: subId,
                  resourceGroup,
                  region,
                  osType: os,
                  tags: Object.fromEntries(tags.map((t) => [t.name, t.value])),
                  ...(connectivity === 'proxy' ? { proxyUrl } : {}),
                })
              }
            >
              Run on a simulated server
            </Button>
          </div>
        </div>
      )}

      <div className={styles.footer}>
        <Button disabled={index <= 0} onClick={() => go(STEPS[index - 1]?.id ?? 'basics')}>
          Previous
        </Button>
        {step !== 'script' && (
          <Button appearance="primary" onClick={() => go(STEPS[index + 1]?.id ?? 'script')}>
            {step === 'tags' ? 'Next: Download and run script' : 'Next'}
          </Button>
        )}
      </div>
    </PageLayout>
  );
}
