import type { T } from "@/lib/i18n";

const ERRORS = ["err_forbidden", "err_replay_none", "err_replay_too_many"];

/** What the last replay did (from the redirect's `done`/`n`/`error`), shown once above the log or the delivery. */
export function ReplayNotice({ t, done, count, error }: { t: T; done?: string; count?: string; error?: string }) {
  if (done === "replayed") {
    return (
      <p role="status" className="rounded-md bg-green-50 p-3 text-sm font-medium text-green-900" data-notice="replayed">
        {t("ndlv_done_replayed").replace("{n}", String(Number(count) || 0))}
      </p>
    );
  }
  if (!error) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 p-3 text-sm font-medium text-red-900">
      {t(ERRORS.includes(error) ? error : "err_generic")}
    </p>
  );
}
