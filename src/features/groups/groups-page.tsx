/** Placeholder until the groups view lands. */
export function GroupsPage() {
  return (
    <section className="page" aria-label="groups">
      <h1>groups</h1>
      <p>Coming soon.</p>
    </section>
  );
}
