/** Placeholder until the traces view lands. */
export function TracesPage() {
  return (
    <section className="page" aria-label="traces">
      <h1>traces</h1>
      <p>Coming soon.</p>
    </section>
  );
}
