import { Select } from '@fluentui/react-components';
import type { GatewayRegistrationFlowDto } from '@/api/contract';
import { StepTitle } from './step-title';

export type CloudName = GatewayRegistrationFlowDto['clouds'][number]['name'];

/** Step 1: "Select an Azure cloud." Locked once a code was used or the gateway is connected. */
export function SelectCloudStep({
  clouds,
  value,
  done,
  disabled,
  onChange,
}: {
  clouds: GatewayRegistrationFlowDto['clouds'];
  value: CloudName;
  done: boolean;
  disabled: boolean;
  onChange: (cloud: CloudName) => void;
}) {
  return (
    <>
      <StepTitle n={1} done={done} id="gw-step-cloud">
        Select an Azure cloud.
      </StepTitle>
      <Select
        aria-label="Azure cloud"
        value={value}
        disabled={disabled}
        onChange={(_e, data) => onChange(data.value as CloudName)}
      >
        {clouds.map((c) => (
          <option key={c.name} value={c.name}>
            {c.displayName}
          </option>
        ))}
      </Select>
    </>
  );
}
