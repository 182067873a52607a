import { Link } from '@tanstack/react-router';

export function NotFoundPage() {
  return (
    <main className="app-page">
      <h1 className="app-page__title">Page not found</h1>
      <p>
        <Link to="/process-definitions">Go to the process definitions</Link>
      </p>
    </main>
  );
}
