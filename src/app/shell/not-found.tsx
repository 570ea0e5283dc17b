import { Link } from '@tanstack/react-router';

export function NotFound() {
  return (
    <section className="page empty-state" role="alert">
      <h1>Page not found</h1>
      <p>This address does not match a view of the console.</p>
      <Link to="/map">Open the service map</Link>
    </section>
  );
}
