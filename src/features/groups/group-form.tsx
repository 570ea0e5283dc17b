import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createGroup, updateGroup } from '../../api/groups.ts';
import { xrayKeys } from '../../api/keys.ts';
import { serviceNamesQuery } from '../../api/trace-summaries.ts';
import { FilterInput } from '../../ui/filter-input/filter-input.tsx';
import { useTimeWindow } from '../../ui/use-global-search.ts';
import { parseFilter } from '../../xray/filter/index.ts';
import { validateGroupName } from './group-name.ts';

/**
 * Create or edit a group. The expression is checked as it is typed with the same parser the
 * server uses; the server still has the last word, and its message is shown as it answered.
 */
export function GroupForm({
  initial,
  mode,
  onDone,
}: {
  initial: { name: string; filter: string };
  mode: 'create' | 'edit';
  onDone: () => void;
}) {
  const [name, setName] = useState(initial.name);
  const [filter, setFilter] = useState(initial.filter);
  const [touched, setTouched] = useState(false);
  const queryClient = useQueryClient();
  const { range } = useTimeWindow();
  // Completions offer the services of the whole account, not of a group being edited.
  const services = useQuery(serviceNamesQuery({ range }));
  const nameError = mode === 'create' ? validateGroupName(name) : undefined;
  const parsed = parseFilter(filter);
  const save = useMutation({
    mutationFn: () =>
      (mode === 'create' ? createGroup : updateGroup)({
        GroupName: name,
        FilterExpression: filter.trim(),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: xrayKeys.groups() });
      onDone();
    },
  });

  return (
    <form
      className="group-form"
      aria-label={mode === 'create' ? 'New group' : `Edit group ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!nameError && parsed.ok) save.mutate();
      }}
    >
      <label>
        Name
        <input
          value={name}
          readOnly={mode === 'edit'}
          aria-invalid={(touched && !!nameError) || undefined}
          aria-describedby="group-name-error"
          onChange={(e) => setName(e.target.value)}
          placeholder="checkout-errors"
        />
      </label>
      {touched && nameError && (
        <p id="group-name-error" className="field-error">
          {nameError}
        </p>
      )}
      <div className="group-filter-field">
        <span className="field-label">Filter expression</span>
        <FilterInput
          value={filter}
          onChange={setFilter}
          onSubmit={() => {
            setTouched(true);
            if (!nameError) save.mutate();
          }}
          context={{ services: services.data ?? [] }}
          label="Group filter expression"
          placeholder='service("payments") { fault }'
        />
      </div>
      {save.isError && (
        <p className="field-error" role="alert">
          The server refused the group: {save.error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>
          {mode === 'create' ? 'Create group' : 'Save changes'}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
