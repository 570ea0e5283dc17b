import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { groupsQuery } from '../../api/groups.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { GroupForm } from './group-form.tsx';
import { GroupRow } from './group-row.tsx';
import './groups.css';

/** Saved group views: named filter expressions that scope the map and the trace list. */
export function GroupsPage() {
  const { create, edit } = useSearch({ from: '/groups' });
  const navigate = useNavigate({ from: '/groups' });
  const groups = useQuery(groupsQuery());
  const closeForm = () =>
    void navigate({ search: (s) => ({ ...s, create: undefined, edit: undefined }) });
  const editing = edit ? groups.data?.find((g) => g.GroupName === edit) : undefined;

  return (
    <section className="page groups-page" aria-label="Groups">
      <div className="groups-head">
        <h1>Groups</h1>
        {create === undefined && !edit && (
          <button
            type="button"
            onClick={() => void navigate({ search: (s) => ({ ...s, create: '' }) })}
          >
            New group
          </button>
        )}
      </div>
      {(create !== undefined || editing) && (
        <GroupForm
          key={edit ?? 'new'}
          initial={
            editing
              ? { name: editing.GroupName ?? '', filter: editing.FilterExpression ?? '' }
              : { name: '', filter: create ?? '' }
          }
          mode={editing ? 'edit' : 'create'}
          onDone={closeForm}
        />
      )}
      <QueryState
        query={groups}
        what="groups"
        isEmpty={(d) => d.filter((g) => g.GroupName !== 'Default').length === 0}
        empty="No groups yet. A group is a named filter expression; create one to scope the map and the trace list."
      >
        {(data) => (
          <table className="groups-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Filter expression</th>
                <th scope="col">Traffic in window</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data
                .filter((g) => g.GroupName && g.GroupName !== 'Default')
                .map((g) => (
                  <GroupRow key={g.GroupName} group={g} />
                ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}
