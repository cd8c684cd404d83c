/** Unknown %xyz% of a template: flagged to the author, left as typed in the message. */
export function UnknownVariables({ id, title, names, live }: { id: string; title: string; names: string[]; live?: boolean }) {
  return (
    <div id={id} aria-live={live ? "polite" : undefined} data-testid={id}>
      {names.length ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">{title}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {names.map((n) => (
              <li key={n}>
                <code className="rounded bg-white px-1">{n}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
