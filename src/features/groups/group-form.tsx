import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createGroup, updateGroup } from '../../api/groups.ts';
import { xrayKeys } from '../../api/keys.ts';
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
  const nameError = mode === 'create' ? validateGroupName(name) : undefined;
  const parsed = parseFilter(filter);
  const filterErrors = parsed.ok ? [] : parsed.errors;
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
        if (!nameError && filterErrors.length === 0) save.mutate();
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
      <label>
        Filter expression
        <textarea
          value={filter}
          rows={3}
          spellCheck={false}
          aria-invalid={filterErrors.length > 0 || undefined}
          onChange={(e) => setFilter(e.target.value)}
          placeholder='service("payments") { fault }'
        />
      </label>
      {filterErrors.map((err) => (
        <p key={`${err.from}-${err.to}`} className="field-error" role="alert">
          {err.message} (at characters {err.from}–{err.to}:{' '}
          <code>{filter.slice(err.from, err.to) || '⟂'}</code>)
        </p>
      ))}
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
