"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { type CollectFormPublicationState, publishCollectFormAction, unpublishCollectFormAction } from "@/lib/collect-form/actions";
import type { Messages } from "@/lib/i18n/messages/types";

// One state for both actions: the message shown is about the latest one.
const publicationAction = (prev: CollectFormPublicationState, formData: FormData) =>
  formData.get("intent") === "unpublish" ? unpublishCollectFormAction(prev, formData) : publishCollectFormAction(prev, formData);

/**
 * The form's publication (F-SET-4): its state, and Publish or Unpublish for administrators.
 * `publishedOn` is the publication date already formatted, null while unpublished.
 */
export function CollectFormPublication({
  shopId,
  saved,
  publishedOn,
  readOnly,
  messages: m,
}: {
  shopId: string;
  saved: boolean;
  publishedOn: string | null;
  readOnly: boolean;
  messages: Messages;
}) {
  const [state, action, pending] = useActionState<CollectFormPublicationState, FormData>(publicationAction, {});
  const msg = (key: string) => (m as Record<string, string>)[key] ?? key;
  const done = state.done === "published" ? m.collectset_published : state.done === "unpublished" ? m.collectset_unpublished : "";
  const stateText = publishedOn
    ? m.collectset_state_published.replace("{date}", publishedOn)
    : saved
      ? m.collectset_state_unpublished
      : m.collectset_state_none;
  return (
    <Section
      id="sec-publication"
      title={m.collectset_section_publication}
      className="mb-6 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6"
    >
      <p className="font-medium" data-testid="collect-publication" data-published={publishedOn ? "true" : "false"}>
        {stateText}
      </p>
      <p id="publication-help" className="text-xs text-slate-600">
        {m.collectset_publish_help}
      </p>
      {readOnly ? null : (
        <form action={action}>
          <input type="hidden" name="shopId" value={shopId} />
          <input type="hidden" name="intent" value={publishedOn ? "unpublish" : "publish"} />
          <button
            type="submit"
            className={buttonClass(publishedOn ? "secondary" : "primary")}
            disabled={pending}
            aria-describedby="publication-help"
          >
            {publishedOn ? m.collectset_unpublish : m.collectset_publish}
          </button>
        </form>
      )}
      <p role="status" className={`text-sm font-medium ${state.error ? "text-red-700" : "text-green-800"}`}>
        {state.error ? msg(state.error) : done}
      </p>
    </Section>
  );
}
