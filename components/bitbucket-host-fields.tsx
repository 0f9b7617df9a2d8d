import { suggestApiUrl } from "@/lib/connections/defaults";
import { TextField } from "./form-fields";

export type HostValues = { hostUrl: string; apiUrl: string };

/**
 * The Host URL and API URL of a Bitbucket Cloud site, as controlled inputs. The API URL
 * follows the Host URL until someone edits it (`suggestApiUrl`).
 */
export function BitbucketHostFields({
  idPrefix,
  values,
  onChange,
  errors = {},
}: {
  idPrefix: string;
  values: HostValues & { apiEdited: boolean };
  onChange: (values: HostValues & { apiEdited: boolean }) => void;
  errors?: { hostUrl?: string; apiUrl?: string };
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        id={`${idPrefix}-host-url`}
        label="Host URL"
        type="url"
        inputMode="url"
        autoCapitalize="none"
        spellCheck={false}
        value={values.hostUrl}
        error={errors.hostUrl}
        description="The site people log in to: https://bitbucket.org for Bitbucket Cloud, or a sandbox's address."
        onChange={(event) => {
          const hostUrl = event.target.value;
          onChange({ hostUrl, apiUrl: values.apiEdited ? values.apiUrl : suggestApiUrl(hostUrl), apiEdited: values.apiEdited });
        }}
      />
      <TextField
        id={`${idPrefix}-api-url`}
        label="API URL"
        type="url"
        inputMode="url"
        autoCapitalize="none"
        spellCheck={false}
        value={values.apiUrl}
        error={errors.apiUrl}
        description="The 2.0 REST API: https://api.bitbucket.org/2.0 for Bitbucket Cloud. Access tokens are sent here, so it must be on the Host URL's own address or its api. subdomain."
        onChange={(event) => onChange({ hostUrl: values.hostUrl, apiUrl: event.target.value, apiEdited: true })}
      />
    </div>
  );
}
