import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import type { T } from "@/lib/i18n";
import type { UserRow } from "@/lib/users/manage-users";

const cell = "px-3 py-2 align-top";
const small = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-semibold text-slate-800 hover:bg-slate-100";

/** Settings › Users: the company's users, each with a link to its page. */
export function UserTable({ users, meId, t, formatTime }: { users: UserRow[]; meId: string; t: T; formatTime: (d: Date) => string }) {
  const cols = [
    "users_col_name",
    "users_col_email",
    "users_col_role",
    "users_col_shops",
    "users_col_last_sign_in",
    "users_col_status",
    "users_col_actions",
  ];
  return (
    <DataTable testId="users" columns={cols.map((c) => t(c))}>
      {users.map((u) => (
        <tr key={u.id} className="border-t border-slate-100" data-user-email={u.email} data-status={u.status}>
          <th scope="row" className={`${cell} font-medium`}>
            {u.name || "—"} {u.id === meId ? <span className="text-xs font-normal text-slate-600">{t("users_you")}</span> : null}
          </th>
          <td className={`${cell} break-all`}>{u.email}</td>
          <td className={cell}>{t(`users_role_${u.role}`)}</td>
          <td className={cell}>
            {u.allShops ? (
              t("users_all_shops")
            ) : (
              <ul>
                {u.shops.map((s) => (
                  <li key={s.id}>
                    {s.name} ({s.id})
                  </li>
                ))}
              </ul>
            )}
          </td>
          <td className={cell}>{u.lastSignInAt ? formatTime(u.lastSignInAt) : t("users_never")}</td>
          <td className={cell}>
            <StatusBadge value={u.status} label={t(`users_status_${u.status}`)} />
            {u.status === "INVITED" ? (
              <p className="mt-1 text-xs text-slate-600">
                {u.invitationExpiresAt
                  ? t("users_invitation_until").replace("{date}", formatTime(u.invitationExpiresAt))
                  : t("users_invitation_expired")}
              </p>
            ) : null}
          </td>
          <td className={cell}>
            <Link href={`/settings/users/${u.id}`} className={small}>
              {t("users_edit")}
              <span className="sr-only"> {u.name || u.email}</span>
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
