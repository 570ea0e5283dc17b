/** Placeholder until the timeline view lands. */
export function TimelinePage() {
  return (
    <section className="page" aria-label="timeline">
      <h1>timeline</h1>
      <p>Coming soon.</p>
    </section>
  );
}
