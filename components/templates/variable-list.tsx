"use client";
import { Section } from "@/components/ui/section";
import { TEMPLATE_VARIABLES } from "@/lib/templates/render-template";

/** The variables and what each becomes (F-TPL-3); "Insert" adds one at the end of the message. */
export function VariableList({
  onInsert,
  labels,
  meaning,
}: {
  onInsert?: (name: string) => void;
  labels: { title: string; help: string; insert: string };
  meaning: (name: string) => string;
}) {
  return (
    <Section
      id="vars-title"
      title={labels.title}
      className="flex flex-col gap-2 rounded-md bg-slate-50 p-3 text-sm"
      titleClass="font-semibold"
    >
      <p className="text-xs text-slate-600">{labels.help}</p>
      <ul className="flex flex-col gap-2">
        {TEMPLATE_VARIABLES.map((name) => (
          <li key={name} className="flex items-start justify-between gap-2">
            <div>
              <code className="font-semibold">%{name}%</code>
              <p className="text-xs text-slate-700">{meaning(name)}</p>
            </div>
            {onInsert ? (
              <button
                type="button"
                onClick={() => onInsert(name)}
                className="shrink-0 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-semibold text-slate-800 hover:bg-slate-100"
              >
                {labels.insert}
                <span className="sr-only"> %{name}%</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}
