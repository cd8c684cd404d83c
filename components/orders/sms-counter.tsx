import { Section } from "@/components/ui/section";
import type { SmsCount } from "@/lib/channels/sms-segments";
import type { Messages } from "@/lib/i18n/messages/types";

type Props = { count: SmsCount; max: number; credits: number; messages: Messages };

/**
 * The SMS dialog's live counter (F-CH-SMS): characters once the variables are filled, encoding,
 * parts and their credit cost, next to the company's credits. The parts and the cost are
 * announced when they change (not every character typed).
 */
export function SmsCounter({ count, max, credits, messages: m }: Props) {
  const tooLong = count.characters > max;
  const short = count.segments > credits;
  return (
    <Section
      id="sms-counter-title"
      title={m.smsd_counter_label}
      className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      titleClass="mb-2 font-semibold text-slate-800"
      testId="sms-counter"
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-700">{m.smsd_characters}</dt>
        <dd data-testid="sms-characters" className={tooLong ? "font-semibold text-red-700" : undefined}>
          {count.characters} / {max}
        </dd>
        <dt className="text-slate-700">{m.smsd_encoding}</dt>
        <dd data-testid="sms-encoding" data-encoding={count.encoding}>
          {m[`smsd_encoding_${count.encoding}`]}
        </dd>
        <dt className="text-slate-700">{m.smsd_parts}</dt>
        <dd data-testid="sms-parts" aria-live="polite">
          {count.segments}
        </dd>
        <dt className="text-slate-700">{m.smsd_cost}</dt>
        <dd data-testid="sms-cost" aria-live="polite" className="font-semibold">
          {m.smsd_cost_value.replace("{count}", String(count.segments))}
        </dd>
        <dt className="text-slate-700">{m.smsd_credits_left}</dt>
        <dd data-testid="sms-credits">{credits}</dd>
      </dl>
      {count.encoding === "UCS2" ? <p className="mt-2 text-xs text-slate-700">{m.smsd_ucs2_hint}</p> : null}
      <div aria-live="polite">
        {tooLong ? (
          <p className="mt-2 font-medium text-red-700">
            {m.smsd_too_long.replace("{count}", String(count.characters)).replace("{max}", String(max))}
          </p>
        ) : short ? (
          <p className="mt-2 font-medium text-red-700">
            {m.smsd_short_credits.replace("{cost}", String(count.segments)).replace("{left}", String(credits))}
          </p>
        ) : null}
      </div>
    </Section>
  );
}
