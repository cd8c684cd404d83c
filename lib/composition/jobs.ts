import { channelJobs } from "../channels/jobs";
import { instalmentJobs } from "../instalments/jobs";
import { notificationJobs } from "../notifications/jobs";
import { orderJobs } from "../orders/jobs";
import { paymentJobs } from "../payments/jobs";
import { reminderJobs } from "../reminders/jobs";
import { retentionJobs } from "../retention/jobs";
import { userJobs } from "../users/jobs";

/** Every background job of the application, as each domain declares it (lib/<domain>/jobs.ts). */
export const allJobs = [
  ...orderJobs,
  ...paymentJobs,
  ...reminderJobs,
  ...instalmentJobs,
  ...retentionJobs,
  ...channelJobs,
  ...notificationJobs,
  ...userJobs,
] as const;
