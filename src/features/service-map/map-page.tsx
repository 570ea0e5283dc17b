/** Placeholder until the service-map view lands. */
export function MapPage() {
  return (
    <section className="page" aria-label="service-map">
      <h1>service-map</h1>
      <p>Coming soon.</p>
    </section>
  );
}
